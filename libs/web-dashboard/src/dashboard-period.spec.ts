import { addDays, localDate, periodOf } from './dashboard-period';

describe('the dashboard period', () => {
  it('defaults to the 30 local days up to today', () => {
    expect(periodOf(undefined, undefined, '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10', problems: [] });
  });

  it('refuses a period that ends before it starts or spans more than 366 days, on the end field', () => {
    expect(periodOf('2026-03-10', '2026-03-09', '2026-03-10').problems.map((p) => p.field)).toEqual(['to']);
    expect(periodOf('2025-01-01', '2026-01-02', '2026-03-10').problems).toHaveLength(1);
    expect(periodOf('2025-01-02', '2026-01-02', '2026-03-10').problems).toEqual([]);
  });

  it('reads today in the deployment time zone, not in UTC', () => {
    expect(localDate(new Date('2026-03-09T22:30:00Z'), 'Europe/Istanbul')).toBe('2026-03-10');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
