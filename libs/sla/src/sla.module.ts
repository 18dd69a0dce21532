import { Module } from '@nestjs/common';
import { BusinessCalendarProvider } from './calendar/business-calendar.provider';
import { CalendarClosures } from './calendar/calendar-closures';
import { SlaPolicies } from './clocks/sla-policies.service';

@Module({ providers: [CalendarClosures, BusinessCalendarProvider, SlaPolicies], exports: [CalendarClosures, BusinessCalendarProvider, SlaPolicies] })
export class SlaModule {}
