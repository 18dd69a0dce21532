import { DateTime } from 'luxon';
import type { CalendarConfig } from './calendar-config';
import { ClosedInterval, PublicHolidays } from './public-holidays';

export type DeadlineUnit = 'calendar_days' | 'working_days' | 'working_hours';

export interface DeadlinePeriod {
  amount: number;
  unit: DeadlineUnit;
}

/** An ad-hoc closure decreed for the whole deployment (regionCode null) or for one region. */
export interface CalendarClosure {
  startsAt: Date;
  endsAt: Date;
  regionCode?: string | null;
  reason?: string;
}

export interface WorkingPeriod {
  start: Date;
  end: Date;
}

interface Span {
  start: number;
  end: number;
}

const MINUTE = 60_000;
/** No deadline looks further than this for working time; a calendar closed for longer is misconfigured. */
const SEARCH_LIMIT_DAYS = 3 * 366;

/**
 * Working time of one deployment: weekdays × working hours in CALENDAR_TIME_ZONE, minus public holidays
 * (half days included) and ad-hoc closures. Pure: built from settings and closures, no database, no clock.
 *
 * Deadline rules (`add`), all in local wall-clock time of the calendar's zone:
 * - calendar_days N: the start's local day is not counted (HMK art. 92); the deadline is the close of
 *   business of the Nth day after it. If that day is not a FULL working day (weekend, holiday, closure, or a
 *   half day such as a bayram eve or 28 October in TR) it moves to the close of business of the next full working day (HMK art. 93:
 *   a period ends when the office closes on its last day; art. 104: one ending on a holiday runs on).
 * - working_days N: the start's day is never counted, even when the start is during working hours; every
 *   later day with any working time counts (a half day counts), and the deadline is the close of business of the
 *   Nth such day — moved, like above, to the next full working day if the Nth is a half day.
 * - working_hours N: exactly N × 60 minutes of working time after the start, to the second, skipping lunch
 *   breaks, nights, weekends, holidays and closures. Ending exactly at closing time gives the closing time.
 * "Close of business" is the end of the day's last working range (17:30 by default). Instants are exact across
 * DST changes because each day's hours are resolved in the zone for that very day.
 */
export class BusinessCalendar {
  private readonly holidays: PublicHolidays;
  private readonly closures: Span[];
  private readonly periodsByDay = new Map<string, Span[]>();

  constructor(
    readonly config: CalendarConfig,
    closures: readonly CalendarClosure[] = [],
  ) {
    if (config.workingDays.length === 0 || config.workingHours.length === 0) throw new RangeError('a calendar needs working days and working hours');
    this.holidays = new PublicHolidays(config.country, config.region, config.timeZone);
    this.closures = closures
      .filter((c) => !c.regionCode || c.regionCode === config.region)
      .map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime() }));
  }

  /** The local calendar date (YYYY-MM-DD) of an instant in the calendar's zone. */
  localDateOf(instant: Date): string {
    return DateTime.fromMillis(instant.getTime(), { zone: this.config.timeZone }).toISODate()!;
  }

  isWorkingInstant(instant: Date): boolean {
    const t = instant.getTime();
    return this.spansOn(this.localDateOf(instant)).some((p) => p.start <= t && t < p.end);
  }

  /** The working time of a local date, in order; empty on days off. A half day (a bayram eve, 28 October) keeps only the morning. */
  workingPeriodsOn(localDate: string): WorkingPeriod[] {
    return this.spansOn(checkedDate(localDate)).map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
  }

  isWorkingDay(localDate: string): boolean {
    return this.spansOn(checkedDate(localDate)).length > 0;
  }

  /** A working day whose hours no holiday or closure shortens. */
  isFullWorkingDay(localDate: string): boolean {
    const spans = this.spansOn(checkedDate(localDate));
    const regular = this.regularSpansOn(localDate);
    return regular.length > 0 && duration(spans) === duration(regular);
  }

  add(start: Date, period: DeadlinePeriod): Date {
    const { amount, unit } = period;
    if (unit === 'working_hours') {
      const seconds = amount * 3600;
      // Whole seconds, allowing for binary fractions: 0.0025 h × 3600 is 9.000000000000002.
      if (!Number.isFinite(amount) || amount < 0 || Math.abs(seconds - Math.round(seconds)) > 1e-6)
        throw new RangeError('working hours must be a non-negative whole number of seconds');
      return this.addWorkingMinutes(start, Math.round(seconds) / 60);
    }
    if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`${unit} must be a whole number of at least 1`);
    let day = this.localDateOf(start);
    if (unit === 'calendar_days') return this.closeOfBusinessFrom(plusDays(day, amount));
    for (let counted = 0, guard = 0; counted < amount; guard++) {
      if (guard > SEARCH_LIMIT_DAYS) throw new RangeError('no working day found within three years');
      day = plusDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return this.closeOfBusinessFrom(day);
  }

  /** Working minutes in [a, b); negative when b is before a. Fractions come only from seconds in the inputs. */
  workingMinutesBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -this.workingMinutesBetween(b, a);
    const from = a.getTime();
    const to = b.getTime();
    let total = 0;
    for (let day = this.localDateOf(a), last = this.localDateOf(b); day <= last; day = plusDays(day, 1)) {
      for (const p of this.spansOn(day)) total += Math.max(0, Math.min(p.end, to) - Math.max(p.start, from));
    }
    return total / MINUTE;
  }

  /**
   * The instant at which `minutes` of working time have passed since `start` (start itself when 0). The inverse
   * of workingMinutesBetween: from an instant outside working time it returns the earliest instant with that
   * much working time, e.g. the previous closing time rather than the night after it.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be zero or more');
    let remaining = Math.round(minutes * MINUTE);
    const t = start.getTime();
    if (remaining === 0) return new Date(t);
    let day = this.localDateOf(start);
    for (let guard = 0; guard <= SEARCH_LIMIT_DAYS; guard++, day = plusDays(day, 1)) {
      for (const p of this.spansOn(day)) {
        if (p.end <= t) continue;
        const from = Math.max(p.start, t);
        if (remaining <= p.end - from) return new Date(from + remaining);
        remaining -= p.end - from;
      }
    }
    throw new RangeError('no working time found within three years');
  }

  /**
   * The latest instant from which `minutes` of working time remain until `end` (end itself when 0): where a
   * warning at a share of a working-time budget falls. Mirror of addWorkingMinutes, walking back.
   */
  subtractWorkingMinutes(end: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be zero or more');
    let remaining = Math.round(minutes * MINUTE);
    const t = end.getTime();
    if (remaining === 0) return new Date(t);
    let day = this.localDateOf(end);
    for (let guard = 0; guard <= SEARCH_LIMIT_DAYS; guard++, day = plusDays(day, -1)) {
      for (const p of [...this.spansOn(day)].reverse()) {
        if (p.start >= t) continue;
        const to = Math.min(p.end, t);
        if (remaining <= to - p.start) return new Date(to - remaining);
        remaining -= to - p.start;
      }
    }
    throw new RangeError('no working time found within three years');
  }

  private closeOfBusinessFrom(localDate: string): Date {
    let day = localDate;
    for (let guard = 0; !this.isFullWorkingDay(day); guard++) {
      if (guard > SEARCH_LIMIT_DAYS) throw new RangeError('no full working day found within three years');
      day = plusDays(day, 1);
    }
    const spans = this.spansOn(day);
    return new Date(spans[spans.length - 1].end);
  }

  private spansOn(localDate: string): Span[] {
    let spans = this.periodsByDay.get(localDate);
    if (!spans) {
      const regular = this.regularSpansOn(localDate);
      const year = Number(localDate.slice(0, 4));
      // A bayram's eve can be in the year before its nominal date, and a holiday can run into January.
      const closed: ClosedInterval[] = this.config.publicHolidays === false ? [] : [year - 1, year, year + 1].flatMap((y) => this.holidays.inYear(y));
      spans = subtract(regular, [...closed, ...this.closures]);
      this.periodsByDay.set(localDate, spans);
    }
    return spans;
  }

  private regularSpansOn(localDate: string): Span[] {
    const day = DateTime.fromISO(localDate, { zone: this.config.timeZone }).startOf('day');
    if (!this.config.workingDays.includes(day.weekday)) return [];
    return this.config.workingHours.map((h) => ({ start: atMinute(day, h.fromMinute), end: atMinute(day, h.toMinute) }));
  }
}

/** Wall-clock minute of a local day (1440 = next midnight), resolved in the zone's offset for that moment. */
function atMinute(day: DateTime, minute: number): number {
  if (minute === 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
}

function subtract(spans: Span[], closed: Span[]): Span[] {
  let result = spans;
  for (const c of closed) {
    result = result.flatMap((s) => {
      if (c.end <= s.start || c.start >= s.end) return [s];
      const parts: Span[] = [];
      if (c.start > s.start) parts.push({ start: s.start, end: c.start });
      if (c.end < s.end) parts.push({ start: c.end, end: s.end });
      return parts;
    });
  }
  return result;
}

function duration(spans: Span[]): number {
  return spans.reduce((sum, s) => sum + s.end - s.start, 0);
}

/** Pure date arithmetic on YYYY-MM-DD, in UTC so no zone rule can skip or repeat a day. */
function plusDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).plus({ days }).toISODate()!;
}

function checkedDate(localDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate) || !DateTime.fromISO(localDate).isValid) throw new RangeError(`${localDate} is not a date (YYYY-MM-DD)`);
  return localDate;
}
