import { DateTime } from 'luxon';
import { BusinessCalendar, CalendarClosure } from './business-calendar';
import { parseWorkingHours } from './calendar-config';
import { HALF_DAYS, PublicHolidays } from './public-holidays';

const ISTANBUL = 'Europe/Istanbul';

function turkey(hours = '08:30-17:30', closures: CalendarClosure[] = []): BusinessCalendar {
  return new BusinessCalendar({ timeZone: ISTANBUL, country: 'TR', workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours(hours) }, closures);
}

function at(localTime: string): Date {
  const instant = DateTime.fromFormat(localTime, 'yyyy-MM-dd HH:mm', { zone: ISTANBUL });
  if (!instant.isValid) throw new Error(`bad test time ${localTime}`);
  return instant.toJSDate();
}

function local(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ISTANBUL }).toFormat('yyyy-MM-dd HH:mm');
}

function periods(calendar: BusinessCalendar, date: string): string[] {
  return calendar.workingPeriodsOn(date).map((p) => `${local(p.start).slice(11)}-${local(p.end).slice(11)}`);
}

/** The day before `date` at 22:00, so that a 1-calendar-day period lands on `date`. */
function dayBefore(date: string): Date {
  return at(`${DateTime.fromISO(date).minus({ days: 1 }).toISODate()} 22:00`);
}

describe('PublicHolidays — Turkish half days against the official list', () => {
  const holidays = new PublicHolidays('TR', undefined, ISTANBUL);

  function closed(year: number): string[] {
    return holidays.inYear(year).map((h) => `${local(new Date(h.start))} → ${local(new Date(h.end))} ${h.name}`);
  }

  // Official list (Law 2429; bayram dates as announced by Diyanet): arife afternoons off from 13:00,
  // 28 October afternoon off from 13:00, 31 December only by decree.
  it('gives 2026: Ramazan 20-22 Mar (eve 19th), Kurban 27-30 May (eve 26th), 28 Oct afternoon and 29 Oct', () => {
    expect(closed(2026)).toEqual([
      '2026-01-01 00:00 → 2026-01-02 00:00 Yılbaşı',
      '2026-03-19 13:00 → 2026-03-23 00:00 Ramazan Bayramı',
      '2026-04-23 00:00 → 2026-04-24 00:00 Ulusal Egemenlik ve Çocuk Bayramı',
      '2026-05-01 00:00 → 2026-05-02 00:00 Emek ve Dayanışma Günü',
      "2026-05-19 00:00 → 2026-05-20 00:00 Atatürk'ü Anma Gençlik ve Spor Bayramı",
      '2026-05-26 13:00 → 2026-05-31 00:00 Kurban Bayramı',
      '2026-07-15 00:00 → 2026-07-16 00:00 Demokrasi ve Millî Birlik Günü',
      '2026-08-30 00:00 → 2026-08-31 00:00 Zafer Bayramı',
      '2026-10-28 13:00 → 2026-10-29 00:00 Cumhuriyet Bayramı',
      '2026-10-29 00:00 → 2026-10-30 00:00 Cumhuriyet Bayramı',
    ]);
  });

  it('gives 2027: Ramazan 9-11 Mar (eve Monday 8th), Kurban 16-19 May (eve Saturday 15th), 28 Oct afternoon and 29 Oct', () => {
    expect(closed(2027)).toEqual([
      '2027-01-01 00:00 → 2027-01-02 00:00 Yılbaşı',
      '2027-03-08 13:00 → 2027-03-12 00:00 Ramazan Bayramı',
      '2027-04-23 00:00 → 2027-04-24 00:00 Ulusal Egemenlik ve Çocuk Bayramı',
      '2027-05-01 00:00 → 2027-05-02 00:00 Emek ve Dayanışma Günü',
      '2027-05-15 13:00 → 2027-05-20 00:00 Kurban Bayramı',
      "2027-05-19 00:00 → 2027-05-20 00:00 Atatürk'ü Anma Gençlik ve Spor Bayramı",
      '2027-07-15 00:00 → 2027-07-16 00:00 Demokrasi ve Millî Birlik Günü',
      '2027-08-30 00:00 → 2027-08-31 00:00 Zafer Bayramı',
      '2027-10-28 13:00 → 2027-10-29 00:00 Cumhuriyet Bayramı',
      '2027-10-29 00:00 → 2027-10-30 00:00 Cumhuriyet Bayramı',
    ]);
  });

  it("takes Turkey's half days from its country pack: both bayram eves and 28 October, all off from 13:00, and not 31 December", () => {
    expect(HALF_DAYS.TR.map((rule) => ('eveOf' in rule ? `eve of ${rule.eveOf}` : rule.date))).toEqual([
      'eve of 1 Shawwal PT90H',
      'eve of 10 Dhu al-Hijjah PT114H',
      '10-28',
    ]);
    expect(HALF_DAYS.TR.every((rule) => rule.offFromMinute === 13 * 60)).toBe(true);
  });

  it('takes the half-day rules a country pack supplies, and adds none for a country without any', () => {
    const berlin = 'Europe/Berlin';
    const startsOffMidnight = (h: { start: number }) => DateTime.fromMillis(h.start, { zone: berlin }).toFormat('HH:mm') !== '00:00';
    expect(new PublicHolidays('DE', undefined, berlin).inYear(2026).filter(startsOffMidnight)).toEqual([]);
    const pack = new PublicHolidays('DE', undefined, berlin, [{ date: '12-24', offFromMinute: 12 * 60, name: 'Heiligabend' }]);
    expect(
      pack
        .inYear(2026)
        .filter(startsOffMidnight)
        .map((h) => [new Date(h.start).toISOString(), new Date(h.end).toISOString(), h.name]),
    ).toEqual([['2026-12-24T11:00:00.000Z', '2026-12-24T23:00:00.000Z', 'Heiligabend']]);
  });
});

describe('BusinessCalendar — 28 October, the afternoon before Cumhuriyet Bayramı', () => {
  const calendar = turkey();
  const withLunch = turkey('08:30-12:30,13:30-17:30');

  it('works only the morning of 28 October 2026 and 2027, like a bayram eve', () => {
    for (const date of ['2026-10-28', '2027-10-28']) {
      expect(periods(calendar, date)).toEqual(['08:30-13:00']);
      expect(periods(withLunch, date)).toEqual(['08:30-12:30']);
      expect(calendar.isWorkingDay(date)).toBe(true);
      expect(calendar.isFullWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingInstant(at('2026-10-28 12:59'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-10-28 13:00'))).toBe(false);
    expect(periods(calendar, '2026-10-27')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2026-10-30')).toEqual(['08:30-17:30']);
  });

  it('runs a 30-calendar-day period ending on 28 October 2026 to Friday 30 October', () => {
    expect(local(calendar.add(at('2026-09-28 10:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2026-10-30 17:30');
  });

  it('runs a 30-calendar-day period ending on 28 October 2027 over the holiday and the weekend to Monday 1 November', () => {
    expect(local(calendar.add(at('2027-09-28 10:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2027-11-01 17:30');
  });

  it('counts 28 October as a working day but never ends a 15-working-day period on it', () => {
    // From Wednesday 7 October 2026: 8, 9, 12-16, 19-23, 26, 27 and 28 October are the 15 working days.
    expect(local(calendar.add(at('2026-10-07 10:00'), { amount: 14, unit: 'working_days' }))).toBe('2026-10-27 17:30');
    expect(local(calendar.add(at('2026-10-07 10:00'), { amount: 15, unit: 'working_days' }))).toBe('2026-10-30 17:30');
    expect(local(calendar.add(at('2026-10-07 10:00'), { amount: 16, unit: 'working_days' }))).toBe('2026-10-30 17:30');
    expect(local(calendar.add(at('2026-10-07 10:00'), { amount: 17, unit: 'working_days' }))).toBe('2026-11-02 17:30');
  });

  it('counts working hours only until 13:00 on 28 October', () => {
    expect(local(calendar.add(at('2026-10-28 11:00'), { amount: 3, unit: 'working_hours' }))).toBe('2026-10-30 09:30');
    expect(calendar.workingMinutesBetween(at('2026-10-28 08:30'), at('2026-10-30 08:30'))).toBe(4.5 * 60);
    expect(local(calendar.subtractWorkingMinutes(at('2026-10-30 09:30'), 3 * 60))).toBe('2026-10-28 11:00');
  });
});

describe('BusinessCalendar — a deadline landing on each Turkish half day of 2026 and 2027', () => {
  const calendar = turkey();

  it.each([
    ['2026-03-19', 'Thursday, Ramazan Bayramı eve', '2026-03-23 17:30'],
    ['2026-05-26', 'Tuesday, Kurban Bayramı eve', '2026-06-01 17:30'],
    ['2026-10-28', 'Wednesday, Cumhuriyet Bayramı eve', '2026-10-30 17:30'],
    ['2027-03-08', 'Monday, Ramazan Bayramı eve', '2027-03-12 17:30'],
    ['2027-05-15', 'Saturday, Kurban Bayramı eve', '2027-05-20 17:30'],
    ['2027-10-28', 'Thursday, Cumhuriyet Bayramı eve', '2027-11-01 17:30'],
  ])('moves a deadline on %s (%s) to the next full working day, %s', (date, _what, due) => {
    expect(local(calendar.add(dayBefore(date), { amount: 1, unit: 'calendar_days' }))).toBe(due);
  });

  it('shortens no Friday when a bayram eve falls on a Saturday (15 May 2027)', () => {
    expect(periods(calendar, '2027-05-14')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2027-05-15')).toEqual([]);
    expect(local(calendar.add(dayBefore('2027-05-14'), { amount: 1, unit: 'calendar_days' }))).toBe('2027-05-14 17:30');
  });
});

describe('BusinessCalendar — 31 December', () => {
  it('is a full working day unless the Presidency decrees it off and an admin enters the closure', () => {
    expect(periods(turkey(), '2026-12-31')).toEqual(['08:30-17:30']);
    expect(local(turkey().add(dayBefore('2026-12-31'), { amount: 1, unit: 'calendar_days' }))).toBe('2026-12-31 17:30');
    const decreed = turkey('08:30-17:30', [{ startsAt: at('2026-12-31 13:00'), endsAt: at('2027-01-01 00:00'), reason: 'administrative leave' }]);
    expect(periods(decreed, '2026-12-31')).toEqual(['08:30-13:00']);
    // Thursday 31st is cut short, Friday is New Year, then the weekend.
    expect(local(decreed.add(dayBefore('2026-12-31'), { amount: 1, unit: 'calendar_days' }))).toBe('2027-01-04 17:30');
  });
});
