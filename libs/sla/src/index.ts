/** @petitio/sla: business calendar (holidays, half days, closures), SLA policies, clocks, the escalation ladder. See docs/architecture.md. */
export * from './calendar/calendar-config';
export * from './calendar/public-holidays';
export * from './calendar/business-calendar';
export * from './calendar/calendar-closures';
export * from './calendar/business-calendar.provider';
export * from './clocks/sla-policy';
export * from './clocks/sla-policies.service';
export * from './clocks/sla-clock';
export * from './sla.module';
export * from './clocks/sla-clocks.repository';
export * from './escalation/escalation-ladder';
export * from './escalation/escalation-timers';
export * from './clocks/sla-policy-rules';
export * from './clocks/sla-policy-admin.service';
