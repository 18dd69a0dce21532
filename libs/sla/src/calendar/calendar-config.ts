import type { Environment } from '@petitio/platform';

/** A stretch of the working day in local wall-clock time, as minutes after midnight (to may be 1440). */
export interface WorkingHoursRange {
  fromMinute: number;
  toMinute: number;
}

/** How a deployment works: where (time zone, holidays), on which weekdays and during which hours. */
export interface CalendarConfig {
  timeZone: string;
  /** ISO 3166-1 alpha-2 code whose public holidays (from date-holidays) close the calendar. */
  country: string;
  /** Optional date-holidays state/region code; closures for this region apply too. */
  region?: string;
  /** False: the library's public holidays are ignored and only closures close the calendar. Default true. */
  publicHolidays?: boolean;
  /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** In order, not overlapping; two ranges leave a lunch break between them. */
  workingHours: WorkingHoursRange[];
}

/** Parses '08:30-12:30,13:30-17:30' into ranges; the environment schema has already checked the shape. */
export function parseWorkingHours(text: string): WorkingHoursRange[] {
  return text.split(',').map((range) => {
    const [from, to] = range.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
    if (!(to > from)) throw new RangeError(`working hours ${range} end before they start`);
    return { fromMinute: from, toMinute: to };
  });
}

export function parseWorkingDays(text: string): number[] {
  return [...new Set(text.split(',').map(Number))].sort();
}

export function calendarConfigFrom(env: Environment, region?: string): CalendarConfig {
  return {
    timeZone: env.CALENDAR_TIME_ZONE,
    country: env.CALENDAR_COUNTRY,
    region: (region ?? env.CALENDAR_REGION) || undefined,
    publicHolidays: env.CALENDAR_PUBLIC_HOLIDAYS,
    workingDays: parseWorkingDays(env.WORKING_DAYS),
    workingHours: parseWorkingHours(env.WORKING_HOURS),
  };
}
