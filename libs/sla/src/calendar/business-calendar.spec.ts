import { DateTime } from 'luxon';
import { BusinessCalendar, CalendarClosure } from './business-calendar';
import { CalendarConfig, parseWorkingHours } from './calendar-config';

const ISTANBUL = 'Europe/Istanbul';

function turkey(hours = '08:30-17:30', closures: CalendarClosure[] = [], region?: string): BusinessCalendar {
  const config: CalendarConfig = { timeZone: ISTANBUL, country: 'TR', region, workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours(hours) };
  return new BusinessCalendar(config, closures);
}

/** '2026-03-19 08:30' in a zone → the instant. */
function at(local: string, zone = ISTANBUL): Date {
  const instant = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!instant.isValid) throw new Error(`bad test time ${local}`);
  return instant.toJSDate();
}

function local(instant: Date, zone = ISTANBUL): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

function periods(calendar: BusinessCalendar, date: string, zone = ISTANBUL): string[] {
  return calendar.workingPeriodsOn(date).map((p) => `${local(p.start, zone).slice(11)}-${local(p.end, zone).slice(11)}`);
}

describe('BusinessCalendar — working time in Türkiye', () => {
  const calendar = turkey();
  const withLunch = turkey('08:30-12:30,13:30-17:30');

  it('works Monday to Friday, 08:30 to 17:30, and not at weekends', () => {
    expect(periods(calendar, '2026-01-05')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2026-01-03')).toEqual([]);
    expect(periods(calendar, '2026-01-04')).toEqual([]);
    expect(calendar.isWorkingInstant(at('2026-01-05 08:29'))).toBe(false);
    expect(calendar.isWorkingInstant(at('2026-01-05 08:30'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-01-05 17:29'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-01-05 17:30'))).toBe(false);
    expect(calendar.isWorkingInstant(at('2026-01-03 10:00'))).toBe(false);
  });

  it('keeps a lunch break out of working time', () => {
    expect(periods(withLunch, '2026-01-06')).toEqual(['08:30-12:30', '13:30-17:30']);
    expect(withLunch.isWorkingInstant(at('2026-01-06 12:45'))).toBe(false);
    expect(withLunch.isWorkingInstant(at('2026-01-06 13:30'))).toBe(true);
  });

  it.each([
    '2026-01-01',
    '2026-04-23',
    '2026-05-01',
    '2026-05-19',
    '2026-07-15',
    '2026-10-29',
    '2027-01-01',
    '2027-04-23',
    '2027-07-15',
    '2027-08-30',
    '2027-10-29',
  ])('closes on the fixed public holiday %s', (date) => {
    expect(DateTime.fromISO(date).weekday).toBeLessThan(6);
    expect(periods(calendar, date)).toEqual([]);
    expect(calendar.isWorkingInstant(at(`${date} 10:00`))).toBe(false);
  });

  it('works on ordinary days next to fixed holidays', () => {
    expect(periods(calendar, '2026-04-22')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2026-04-24')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2026-12-31')).toEqual(['08:30-17:30']);
  });

  it('closes for Ramazan Bayramı 2026 (20-22 March) with only the morning of the eve worked', () => {
    expect(periods(calendar, '2026-03-19')).toEqual(['08:30-13:00']);
    expect(periods(withLunch, '2026-03-19')).toEqual(['08:30-12:30']);
    expect(periods(calendar, '2026-03-20')).toEqual([]);
    // date-holidays ends this bayram at noon on Monday the 23rd; public offices are open all day.
    expect(periods(calendar, '2026-03-23')).toEqual(['08:30-17:30']);
    expect(calendar.isWorkingInstant(at('2026-03-19 12:59'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-03-19 13:00'))).toBe(false);
  });

  it('closes for Kurban Bayramı 2026 (27-30 May) with a half-day eve on 26 May', () => {
    expect(periods(calendar, '2026-05-25')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2026-05-26')).toEqual(['08:30-13:00']);
    for (const day of ['2026-05-27', '2026-05-28', '2026-05-29']) expect(periods(calendar, day)).toEqual([]);
    expect(periods(calendar, '2026-06-01')).toEqual(['08:30-17:30']);
  });

  it('closes for Ramazan Bayramı 2027 (9-11 March, eve on Monday the 8th) and Kurban Bayramı 2027 (16-19 May)', () => {
    expect(periods(calendar, '2027-03-08')).toEqual(['08:30-13:00']);
    for (const day of ['2027-03-09', '2027-03-10', '2027-03-11']) expect(periods(calendar, day)).toEqual([]);
    expect(periods(calendar, '2027-03-12')).toEqual(['08:30-17:30']);
    expect(periods(calendar, '2027-05-14')).toEqual(['08:30-17:30']);
    for (const day of ['2027-05-17', '2027-05-18', '2027-05-19']) expect(periods(calendar, day)).toEqual([]);
    expect(periods(calendar, '2027-05-20')).toEqual(['08:30-17:30']);
  });

  it('tells full working days from half days', () => {
    expect(calendar.isWorkingDay('2026-03-19')).toBe(true);
    expect(calendar.isFullWorkingDay('2026-03-19')).toBe(false);
    expect(calendar.isFullWorkingDay('2026-03-18')).toBe(true);
    expect(() => calendar.workingPeriodsOn('2026-02-30')).toThrow(RangeError);
  });
});

describe('BusinessCalendar.add — deadlines', () => {
  const calendar = turkey();

  it('ends a calendar-day period at closing time of the Nth day after the start day', () => {
    expect(local(calendar.add(at('2026-03-01 22:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2026-03-31 17:30');
    expect(local(calendar.add(at('2026-06-02 09:00'), { amount: 1, unit: 'calendar_days' }))).toBe('2026-06-03 17:30');
  });

  it('moves a calendar-day deadline that falls on a weekend to the next working day', () => {
    // 2026-06-06 is a Saturday.
    expect(local(calendar.add(at('2026-06-01 10:00'), { amount: 5, unit: 'calendar_days' }))).toBe('2026-06-08 17:30');
  });

  it('moves a calendar-day deadline that falls in a bayram, or on its half-day eve, past the bayram', () => {
    expect(local(calendar.add(at('2026-02-18 10:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2026-03-23 17:30');
    expect(local(calendar.add(at('2026-02-17 10:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2026-03-23 17:30');
    expect(local(calendar.add(at('2026-02-16 10:00'), { amount: 30, unit: 'calendar_days' }))).toBe('2026-03-18 17:30');
  });

  it('counts working days from the day after the start, even when the start is during working hours', () => {
    expect(local(calendar.add(at('2026-01-05 09:00'), { amount: 1, unit: 'working_days' }))).toBe('2026-01-06 17:30');
    expect(local(calendar.add(at('2026-01-09 16:00'), { amount: 1, unit: 'working_days' }))).toBe('2026-01-12 17:30');
    expect(local(calendar.add(at('2026-01-10 11:00'), { amount: 2, unit: 'working_days' }))).toBe('2026-01-13 17:30');
  });

  it('runs a 15-working-day information request started on 2026-12-24 over New Year to 15 January 2027', () => {
    expect(local(calendar.add(at('2026-12-24 15:00'), { amount: 15, unit: 'working_days' }))).toBe('2027-01-15 17:30');
  });

  it('counts the half-day eve as a working day but never ends on it', () => {
    // 16 Mar (Mon) start; 17, 18, 19 (eve) → the 3rd working day is the eve, so the deadline runs to Monday 23rd.
    expect(local(calendar.add(at('2026-03-16 10:00'), { amount: 3, unit: 'working_days' }))).toBe('2026-03-23 17:30');
    expect(local(calendar.add(at('2026-03-16 10:00'), { amount: 4, unit: 'working_days' }))).toBe('2026-03-23 17:30');
    expect(local(calendar.add(at('2026-03-16 10:00'), { amount: 5, unit: 'working_days' }))).toBe('2026-03-24 17:30');
  });

  it('refuses periods that are not whole and positive', () => {
    expect(() => calendar.add(at('2026-01-05 09:00'), { amount: 0, unit: 'working_days' })).toThrow(RangeError);
    expect(() => calendar.add(at('2026-01-05 09:00'), { amount: 1.5, unit: 'calendar_days' })).toThrow(RangeError);
    expect(() => calendar.add(at('2026-01-05 09:00'), { amount: 1 / 7, unit: 'working_hours' })).toThrow(RangeError);
    expect(() => calendar.add(at('2026-01-05 09:00'), { amount: 0.0001, unit: 'working_hours' })).toThrow(RangeError);
    // Whole seconds are a valid budget: 0.0025 h is 9 s.
    expect(calendar.add(at('2026-01-05 09:00'), { amount: 0.0025, unit: 'working_hours' }).getTime()).toBe(at('2026-01-05 09:00').getTime() + 9000);
  });
});

describe('BusinessCalendar — working hours', () => {
  const withLunch = turkey('08:30-12:30,13:30-17:30');

  it('counts working hours across a lunch break', () => {
    expect(local(withLunch.add(at('2026-04-21 11:30'), { amount: 2, unit: 'working_hours' }))).toBe('2026-04-21 14:30');
  });

  it('counts working hours across a weekend', () => {
    expect(local(withLunch.add(at('2026-04-17 16:00'), { amount: 3, unit: 'working_hours' }))).toBe('2026-04-20 10:00');
  });

  it('counts working hours across a holiday, a lunch break and a weekend together, to the minute', () => {
    // Wed 22 Apr 12:00: 0.5 h + 4 h; Thu 23 Apr holiday; Fri 8 h; Mon 27 Apr the last 30 minutes.
    // From 12:07 only 23 minutes are left before lunch on Wednesday: 23 + 240 + 480, then 7 minutes on Monday.
    expect(local(withLunch.add(at('2026-04-22 12:00'), { amount: 13, unit: 'working_hours' }))).toBe('2026-04-27 09:00');
    expect(local(withLunch.add(at('2026-04-22 12:07'), { amount: 12.5, unit: 'working_hours' }))).toBe('2026-04-27 08:37');
  });

  it('counts working hours across a half-day eve', () => {
    expect(local(withLunch.add(at('2026-03-19 11:30'), { amount: 2, unit: 'working_hours' }))).toBe('2026-03-23 09:30');
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    expect(local(withLunch.add(at('2026-04-21 16:30'), { amount: 1, unit: 'working_hours' }))).toBe('2026-04-21 17:30');
  });

  it('starts counting at opening time when started out of hours', () => {
    expect(local(withLunch.add(at('2026-04-18 23:00'), { amount: 1, unit: 'working_hours' }))).toBe('2026-04-20 09:30');
  });

  it('answers a Korean "immediate" petition within 3 working hours, Saturdays and holidays excluded', () => {
    const seoul = new BusinessCalendar({
      timeZone: 'Asia/Seoul',
      country: 'KR',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: parseWorkingHours('09:00-12:00,13:00-18:00'),
    });
    expect(local(seoul.add(at('2026-06-12 16:30', 'Asia/Seoul'), { amount: 3, unit: 'working_hours' }), 'Asia/Seoul')).toBe('2026-06-15 10:30');
    // 2026-06-06 (Memorial Day) falls on a Saturday; 2026-08-14 (Fri) 17:00 + 3 h skips the weekend and Liberation Day (Sat).
    expect(seoul.workingMinutesBetween(at('2026-06-12 09:00', 'Asia/Seoul'), at('2026-06-13 09:00', 'Asia/Seoul'))).toBe(8 * 60);
  });
});

describe('BusinessCalendar — daylight saving time', () => {
  const berlin = new BusinessCalendar({
    timeZone: 'Europe/Berlin',
    country: 'DE',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: parseWorkingHours('08:00-16:00'),
  });
  const berlinAllWeek = new BusinessCalendar({
    timeZone: 'Europe/Berlin',
    country: 'DE',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    workingHours: parseWorkingHours('00:00-24:00'),
  });
  const newYork = new BusinessCalendar({
    timeZone: 'America/New_York',
    country: 'US',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: parseWorkingHours('09:00-17:00'),
  });

  it('opens at local 09:00 on both sides of the spring switch in New York', () => {
    expect(newYork.workingPeriodsOn('2026-03-06')[0].start.toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(newYork.workingPeriodsOn('2026-03-09')[0].start.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(newYork.add(at('2026-03-06 16:00', 'America/New_York'), { amount: 2, unit: 'working_hours' }).toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });

  it('keeps local closing time for day deadlines over the switch in Berlin', () => {
    expect(berlin.add(at('2026-03-27 15:00', 'Europe/Berlin'), { amount: 3, unit: 'calendar_days' }).toISOString()).toBe('2026-03-30T14:00:00.000Z');
    expect(berlin.add(at('2026-10-23 15:00', 'Europe/Berlin'), { amount: 1, unit: 'working_days' }).toISOString()).toBe('2026-10-26T15:00:00.000Z');
    expect(berlin.add(at('2026-03-27 15:00', 'Europe/Berlin'), { amount: 2, unit: 'working_hours' }).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('counts the real length of a 23-hour and a 25-hour day', () => {
    expect(berlinAllWeek.workingMinutesBetween(at('2026-03-29 00:00', 'Europe/Berlin'), at('2026-03-30 00:00', 'Europe/Berlin'))).toBe(23 * 60);
    expect(berlinAllWeek.workingMinutesBetween(at('2026-10-25 00:00', 'Europe/Berlin'), at('2026-10-26 00:00', 'Europe/Berlin'))).toBe(25 * 60);
    expect(local(berlinAllWeek.addWorkingMinutes(at('2026-03-28 12:00', 'Europe/Berlin'), 24 * 60), 'Europe/Berlin')).toBe('2026-03-29 13:00');
    expect(local(berlinAllWeek.addWorkingMinutes(at('2026-10-24 12:00', 'Europe/Berlin'), 24 * 60), 'Europe/Berlin')).toBe('2026-10-25 11:00');
  });

  it('closes on Christmas in Germany (24 December is no public holiday there)', () => {
    expect(berlin.add(at('2026-12-23 10:00', 'Europe/Berlin'), { amount: 2, unit: 'working_days' }).toISOString()).toBe('2026-12-28T15:00:00.000Z');
    expect(berlin.add(at('2026-12-23 10:00', 'Europe/Berlin'), { amount: 5, unit: 'working_days' }).toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(berlin.add(at('2026-12-23 10:00', 'Europe/Berlin'), { amount: 6, unit: 'working_days' }).toISOString()).toBe('2027-01-04T15:00:00.000Z');
  });
});

describe('BusinessCalendar — ad-hoc closures', () => {
  const closure: CalendarClosure = { startsAt: at('2026-04-15 12:00'), endsAt: at('2026-04-16 12:00'), reason: 'earthquake' };

  it('takes a closure out of working time in the middle of a period', () => {
    const calendar = turkey('08:30-17:30', [closure]);
    expect(periods(calendar, '2026-04-15')).toEqual(['08:30-12:00']);
    expect(periods(calendar, '2026-04-16')).toEqual(['12:00-17:30']);
    expect(local(calendar.add(at('2026-04-15 10:00'), { amount: 4, unit: 'working_hours' }))).toBe('2026-04-16 14:00');
    expect(calendar.workingMinutesBetween(at('2026-04-15 08:30'), at('2026-04-16 17:30'))).toBe(3.5 * 60 + 5.5 * 60);
    // 14th, 15th (part), 16th (part): the third working day is cut short, so the deadline runs to Friday.
    expect(local(calendar.add(at('2026-04-13 10:00'), { amount: 3, unit: 'working_days' }))).toBe('2026-04-17 17:30');
  });

  it('does not count a day closed by decree as a working day', () => {
    const calendar = turkey('08:30-17:30', [{ startsAt: at('2026-04-14 00:00'), endsAt: at('2026-04-15 00:00') }]);
    expect(calendar.isWorkingDay('2026-04-14')).toBe(false);
    expect(local(calendar.add(at('2026-04-13 10:00'), { amount: 2, unit: 'working_days' }))).toBe('2026-04-16 17:30');
  });

  it('applies a regional closure only to that region', () => {
    const regional: CalendarClosure = { ...closure, regionCode: '31' };
    expect(periods(turkey('08:30-17:30', [regional]), '2026-04-15')).toEqual(['08:30-17:30']);
    expect(periods(turkey('08:30-17:30', [regional], '31'), '2026-04-15')).toEqual(['08:30-12:00']);
  });

  it('leaves public holidays out when the deployment closes the calendar only by its own closures', () => {
    const config: CalendarConfig = { timeZone: ISTANBUL, country: 'TR', workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours('08:30-17:30') };
    // 19 May 2026 (Youth Day) is a Tuesday.
    expect(new BusinessCalendar(config).isWorkingDay('2026-05-19')).toBe(false);
    const decreed = new BusinessCalendar({ ...config, publicHolidays: false }, [{ startsAt: at('2026-05-20 00:00'), endsAt: at('2026-05-21 00:00') }]);
    expect(decreed.isWorkingDay('2026-05-19')).toBe(true);
    expect(decreed.isWorkingDay('2026-05-20')).toBe(false);
  });
});

describe('BusinessCalendar — workingMinutesBetween and addWorkingMinutes', () => {
  const calendar = turkey('08:30-12:30,13:30-17:30', [{ startsAt: at('2026-03-03 15:00'), endsAt: at('2026-03-04 10:00') }]);

  it('are inverses across nights, weekends, a closure, a bayram and its eve', () => {
    let checked = 0;
    for (let start = at('2026-02-27 07:13').getTime(); start < at('2026-03-25 00:00').getTime(); start += 293 * 60_000) {
      for (const minutes of [1, 59, 240, 481, 2400, 5000]) {
        const a = new Date(start);
        const b = calendar.addWorkingMinutes(a, minutes);
        expect(calendar.workingMinutesBetween(a, b)).toBe(minutes);
        if (calendar.isWorkingInstant(a)) expect(calendar.addWorkingMinutes(b, 0)).toEqual(b);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('gives back the time left after a pause', () => {
    const started = at('2026-03-16 09:00');
    const deadline = calendar.add(started, { amount: 16, unit: 'working_hours' });
    const paused = at('2026-03-17 10:00');
    const left = calendar.workingMinutesBetween(paused, deadline);
    // Monday 7.5 h and Tuesday 08:30-10:00 were used: 6.5 h left on Tuesday, 30 minutes on Wednesday.
    expect(local(deadline)).toBe('2026-03-18 09:00');
    expect(left).toBe(16 * 60 - 7.5 * 60 - 90);
    const resumed = at('2026-03-24 08:30');
    expect(local(calendar.addWorkingMinutes(resumed, left))).toBe('2026-03-24 16:30');
  });

  it('is negative when the end is before the start, and zero in a weekend', () => {
    expect(calendar.workingMinutesBetween(at('2026-03-02 10:00'), at('2026-03-02 09:00'))).toBe(-60);
    expect(calendar.workingMinutesBetween(at('2026-03-07 09:00'), at('2026-03-08 18:00'))).toBe(0);
  });

  it('walks back with subtractWorkingMinutes to the latest instant that leaves that much working time', () => {
    let checked = 0;
    for (let end = at('2026-02-27 07:13').getTime(); end < at('2026-03-25 00:00').getTime(); end += 311 * 60_000) {
      for (const minutes of [1, 59, 240, 481, 2400, 5000]) {
        const b = new Date(end);
        const a = calendar.subtractWorkingMinutes(b, minutes);
        expect(calendar.workingMinutesBetween(a, b)).toBe(minutes);
        // Latest: a minute later leaves less (a starts working time, or ends a span we would have to skip back over).
        expect(calendar.workingMinutesBetween(new Date(a.getTime() + 60_000), b)).toBeLessThan(minutes);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    // 90% of a 2-working-day clock (8-hour days) due on Tuesday 17:30 is 96 working minutes before it.
    expect(local(calendar.subtractWorkingMinutes(at('2026-03-10 17:30'), 0.1 * 2 * 480))).toBe('2026-03-10 15:54');
    // Back over a weekend into Friday.
    expect(local(calendar.subtractWorkingMinutes(at('2026-03-09 09:00'), 60))).toBe('2026-03-06 17:00');
  });
});
