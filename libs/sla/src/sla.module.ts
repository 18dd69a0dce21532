import { Module } from '@nestjs/common';
import { BusinessCalendarProvider } from './calendar/business-calendar.provider';
import { CalendarClosures } from './calendar/calendar-closures';

@Module({ providers: [CalendarClosures, BusinessCalendarProvider], exports: [CalendarClosures, BusinessCalendarProvider] })
export class SlaModule {}
