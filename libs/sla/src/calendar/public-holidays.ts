import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** A closed stretch of time, epoch milliseconds, end excluded. */
export interface ClosedInterval {
  start: number;
  end: number;
  name: string;
}

/**
 * A day whose afternoon is off, from `offFromMinute` (local wall-clock minutes after midnight) to midnight.
 * - `eveOf`: the day before the holiday date-holidays gives under that rule string. With `wholeDays`, the
 *   library's interval for that holiday is replaced by the eve's afternoon plus that many whole local days.
 * - `date`: a fixed 'MM-DD' every year that the library does not give.
 */
export type HalfDayRule = EveRule | FixedHalfDayRule;

export interface FixedHalfDayRule {
  date: string;
  offFromMinute: number;
  name: string;
}

export interface EveRule {
  eveOf: string;
  wholeDays?: number;
  offFromMinute: number;
}

/**
 * Public-sector half days the library lacks or models differently, per country (ISO 3166-1 alpha-2). A country
 * pack adds its own entry here or passes its rules to PublicHolidays.
 *
 * TR, Law 2429: the eves (arife) of Ramazan and Kurban Bayramı and 28 October are off from 13:00. date-holidays
 * 3.37 models the bayrams on the Islamic day, which begins the evening before: "1 Shawwal PT90H" runs from 18:00
 * on the eve to 12:00 on the day AFTER the bayram (checked for 2026 and 2027), so we keep the library's lunar date
 * and rebuild the interval; a changed rule string stops matching and the holiday specs fail. It has no 28 October
 * at all. 31 December is off only when the Presidency decrees it: an admin enters it as a calendar closure.
 */
export const HALF_DAYS: Readonly<Record<string, readonly HalfDayRule[]>> = {
  TR: [
    { eveOf: '1 Shawwal PT90H', wholeDays: 3, offFromMinute: 13 * 60 },
    { eveOf: '10 Dhu al-Hijjah PT114H', wholeDays: 4, offFromMinute: 13 * 60 },
    { date: '10-28', offFromMinute: 13 * 60, name: 'Cumhuriyet Bayramı' },
  ],
};

/** Public holidays (type 'public' only) of a country/region as closed intervals in absolute time, per year. */
export class PublicHolidays {
  private readonly holidays: Holidays;
  private readonly byYear = new Map<number, ClosedInterval[]>();

  constructor(
    country: string,
    region: string | undefined,
    private readonly timeZone: string,
    private readonly halfDays: readonly HalfDayRule[] = HALF_DAYS[country] ?? [],
  ) {
    this.holidays = region ? new Holidays(country, region, { timezone: timeZone }) : new Holidays(country, { timezone: timeZone });
  }

  /** Holidays whose nominal date lies in `year` (a bayram's eve may fall in the year before), in order. */
  inYear(year: number): ClosedInterval[] {
    let intervals = this.byYear.get(year);
    if (!intervals) {
      const fromLibrary = (this.holidays.getHolidays(year) || [])
        .filter((h) => h.type === 'public')
        .map((h) => this.interval(h.rule, h.date, h.start, h.end, h.name));
      const fixed = this.halfDays
        .filter((rule): rule is FixedHalfDayRule => 'date' in rule)
        .map((rule) => ({ rule, day: DateTime.fromISO(`${year}-${rule.date}`, { zone: this.timeZone }) }))
        // An impossible date ('02-29' in a common year) simply does not occur that year.
        .filter(({ day }) => day.isValid)
        .map(({ rule, day }) => this.afternoonOff(day, rule.offFromMinute, rule.name));
      intervals = [...fromLibrary, ...fixed].sort((a, b) => a.start - b.start || a.end - b.end);
      this.byYear.set(year, intervals);
    }
    return intervals;
  }

  private interval(rule: string, date: string, start: Date, end: Date, name: string): ClosedInterval {
    const eve = this.halfDays.find((r): r is EveRule => 'eveOf' in r && r.eveOf === rule);
    if (!eve) return { start: start.getTime(), end: end.getTime(), name };
    const firstDay = DateTime.fromISO(date.slice(0, 10), { zone: this.timeZone });
    const afternoon = this.afternoonOff(firstDay.minus({ days: 1 }), eve.offFromMinute, name);
    return { ...afternoon, end: eve.wholeDays ? firstDay.plus({ days: eve.wholeDays }).toMillis() : end.getTime() };
  }

  private afternoonOff(day: DateTime, offFromMinute: number, name: string): ClosedInterval {
    const from = day.startOf('day').set({ hour: Math.floor(offFromMinute / 60), minute: offFromMinute % 60 });
    return { start: from.toMillis(), end: day.startOf('day').plus({ days: 1 }).toMillis(), name };
  }
}
