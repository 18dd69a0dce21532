import { Module } from '@nestjs/common';
import { BusinessCalendarProvider } from './calendar/business-calendar.provider';
import { CalendarClosures } from './calendar/calendar-closures';
import { SlaPolicies } from './clocks/sla-policies.service';
import { SlaClocksRepository } from './clocks/sla-clocks.repository';
import { EscalationTimers } from './escalation/escalation-timers';
import { SlaPolicyAdmin } from './clocks/sla-policy-admin.service';

@Module({
  providers: [CalendarClosures, BusinessCalendarProvider, SlaPolicies, SlaClocksRepository, EscalationTimers, SlaPolicyAdmin],
  exports: [CalendarClosures, BusinessCalendarProvider, SlaPolicies, SlaClocksRepository, EscalationTimers, SlaPolicyAdmin],
})
export class SlaModule {}
