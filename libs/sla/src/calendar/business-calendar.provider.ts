import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { BusinessCalendar } from './business-calendar';
import { calendarConfigFrom } from './calendar-config';
import { CalendarClosures } from './calendar-closures';

/** The deployment's business calendar, built from settings and the current closures, for the domain to inject. */
@Injectable()
export class BusinessCalendarProvider {
  private built?: { closures: unknown; region: string | undefined; calendar: BusinessCalendar }[];

  constructor(
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly closures: CalendarClosures,
  ) {}

  /** The calendar of `regionCode` (default CALENDAR_REGION): its holidays plus national and its own closures. */
  async calendar(regionCode?: string): Promise<BusinessCalendar> {
    const closures = await this.closures.current();
    const region = (regionCode ?? this.env.CALENDAR_REGION) || undefined;
    // Rebuilt only when the closures list changes, so its per-day cache survives between calls.
    if (this.built?.[0]?.closures !== closures) this.built = [];
    let entry = this.built.find((b) => b.region === region);
    if (!entry) {
      entry = { closures, region, calendar: new BusinessCalendar(calendarConfigFrom(this.env, region), closures) };
      this.built.push(entry);
    }
    return entry.calendar;
  }
}
