import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** A closed stretch of time, epoch milliseconds, end excluded. */
export interface ClosedInterval {
  start: number;
  end: number;
  name: string;
}

/**
 * date-holidays 3.37 models TR's bayrams on the Islamic day, which begins the evening before: "1 Shawwal PT90H"
 * runs from 18:00 on the eve to 12:00 on the day AFTER the bayram (checked for 2026 and 2027). Public-sector
 * practice is different: the eve (arife) is off from 13:00, then whole days. We keep the library's lunar date
 * (its `date`) and rebuild the interval; a changed rule string stops matching and the holiday specs fail.
 */
const LUNAR_BAYRAMS: Record<string, Record<string, { wholeDays: number; eveOffFromMinute: number }>> = {
  TR: {
    '1 Shawwal PT90H': { wholeDays: 3, eveOffFromMinute: 13 * 60 },
    '10 Dhu al-Hijjah PT114H': { wholeDays: 4, eveOffFromMinute: 13 * 60 },
  },
};

/** Public holidays (type 'public' only) of a country/region as closed intervals in absolute time, per year. */
export class PublicHolidays {
  private readonly holidays: Holidays;
  private readonly byYear = new Map<number, ClosedInterval[]>();

  constructor(
    private readonly country: string,
    region: string | undefined,
    private readonly timeZone: string,
  ) {
    this.holidays = region ? new Holidays(country, region, { timezone: timeZone }) : new Holidays(country, { timezone: timeZone });
  }

  /** Holidays whose nominal date lies in `year` (a bayram's eve may fall in the year before). */
  inYear(year: number): ClosedInterval[] {
    let intervals = this.byYear.get(year);
    if (!intervals) {
      intervals = (this.holidays.getHolidays(year) || [])
        .filter((h) => h.type === 'public')
        .map((h) => this.interval(h.rule, h.date, h.start, h.end, h.name));
      this.byYear.set(year, intervals);
    }
    return intervals;
  }

  private interval(rule: string, date: string, start: Date, end: Date, name: string): ClosedInterval {
    const lunar = LUNAR_BAYRAMS[this.country]?.[rule];
    if (!lunar) return { start: start.getTime(), end: end.getTime(), name };
    const firstDay = DateTime.fromISO(date.slice(0, 10), { zone: this.timeZone });
    const eveOff = firstDay.minus({ days: 1 }).set({ hour: Math.floor(lunar.eveOffFromMinute / 60), minute: lunar.eveOffFromMinute % 60 });
    return { start: eveOff.toMillis(), end: firstDay.plus({ days: lunar.wholeDays }).toMillis(), name };
  }
}
