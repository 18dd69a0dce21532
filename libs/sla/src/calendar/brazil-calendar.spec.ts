import { DateTime } from 'luxon';
import { loadEnvironment } from '@petitio/platform';
import { BusinessCalendar } from './business-calendar';
import { calendarConfigFrom } from './calendar-config';

/** The Brazil pack's calendar as a deployment with COUNTRY_PACK=br builds it: Brasília time, the Federal District's holidays. */
const env = loadEnvironment({ COUNTRY_PACK: 'br' });
const calendar = new BusinessCalendar(calendarConfigFrom(env));
const saoPauloState = new BusinessCalendar(calendarConfigFrom(env, 'SP'));
const brasilia = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'America/Sao_Paulo' }).toJSDate();
const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: 'America/Sao_Paulo' }).toFormat('yyyy-MM-dd HH:mm');

describe("the Brazil pack's business calendar", () => {
  it('works 08:00-12:00 and 14:00-18:00 in Brasília time, lunch closed', () => {
    expect(local(calendar.add(brasilia('2026-03-10 11:00'), { amount: 2, unit: 'working_hours' }))).toBe('2026-03-10 15:00');
  });

  it('closes on national holidays: Consciência Negra (20 November) makes two working days from a Thursday end on Tuesday evening', () => {
    expect(local(calendar.add(brasilia('2026-11-19 10:00'), { amount: 2, unit: 'working_days' }))).toBe('2026-11-24 18:00');
  });

  it("closes on the Federal District's own holidays (Dia do Evangélico, 30 November), which São Paulo works", () => {
    expect(local(calendar.add(brasilia('2026-11-27 10:00'), { amount: 1, unit: 'working_days' }))).toBe('2026-12-01 18:00');
    expect(local(saoPauloState.add(brasilia('2026-11-27 10:00'), { amount: 1, unit: 'working_days' }))).toBe('2026-11-30 18:00');
  });

  it('keeps Carnival working: it is an optional day off (ponto facultativo), not a public holiday', () => {
    expect(local(calendar.add(brasilia('2026-02-13 10:00'), { amount: 1, unit: 'working_days' }))).toBe('2026-02-16 18:00');
  });
});
