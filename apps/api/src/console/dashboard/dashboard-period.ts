import type { FieldProblem } from '@petitio/platform';

const DAY_MS = 24 * 3600 * 1000;
/** A year and a leap day: the longest period the dashboard reads from live tables. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

/** The local calendar day of an instant in a time zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The period asked for, ends defaulted (the last 30 days up to today); a problem on `to` when it is backwards or too long. */
export function periodOf(from: string | undefined, to: string | undefined, today: string): { from: string; to: string; problems: FieldProblem[] } {
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_PERIOD_DAYS - 1));
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  const problems: FieldProblem[] =
    days < 1 || days > MAX_PERIOD_DAYS ? [{ field: 'to', code: 'period', message: `the period must end on or after its start and span at most ${MAX_PERIOD_DAYS} days` }] : [];
  return { from: start, to: end, problems };
}
