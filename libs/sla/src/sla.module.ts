import { Module } from '@nestjs/common';
import { BusinessCalendarProvider } from './calendar/business-calendar.provider';
import { CalendarClosures } from './calendar/calendar-closures';
import { SlaPolicies } from './clocks/sla-policies.service';
import { SlaClocksRepository } from './clocks/sla-clocks.repository';

@Module({
  providers: [CalendarClosures, BusinessCalendarProvider, SlaPolicies, SlaClocksRepository],
  exports: [CalendarClosures, BusinessCalendarProvider, SlaPolicies, SlaClocksRepository],
})
export class SlaModule {}
