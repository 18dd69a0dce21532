export * from './calendar/calendar-config';
export * from './calendar/public-holidays';
export * from './calendar/business-calendar';
export * from './calendar/calendar-closures';
export * from './calendar/business-calendar.provider';
export * from './sla.module';
