import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { CountryPack, PackHalfDay, countryPack, countryPacksOnDisk } from '@petitio/country-packs';

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
 * Public-sector half days the library lacks or models differently, per country (ISO 3166-1 alpha-2): those of
 * the country packs (`halfDays` in `pack.json`, under the pack's CALENDAR_COUNTRY; Turkey's pack says why each is
 * written so). A country without a pack has none, or passes its rules to PublicHolidays.
 */
export const HALF_DAYS: Readonly<Record<string, readonly HalfDayRule[]>> = halfDaysOfPacks();

function halfDaysOfPacks(): Record<string, HalfDayRule[]> {
  const byCountry: Record<string, HalfDayRule[]> = {};
  for (const code of countryPacksOnDisk()) {
    let pack: CountryPack;
    try {
      pack = countryPack(code);
    } catch {
      continue; // a broken pack is refused where it is chosen, and by the packs spec; it holds up no other
    }
    const country = pack.settings.CALENDAR_COUNTRY;
    if (country && pack.halfDays.length && !byCountry[country]) byCountry[country] = pack.halfDays.map(halfDayRule);
  }
  return byCountry;
}

function halfDayRule(day: PackHalfDay): HalfDayRule {
  const offFromMinute = Number(day.offFrom.slice(0, 2)) * 60 + Number(day.offFrom.slice(3));
  return 'eveOf' in day
    ? { eveOf: day.eveOf, ...(day.wholeDays ? { wholeDays: day.wholeDays } : {}), offFromMinute }
    : { date: day.date, offFromMinute, name: day.name };
}

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
