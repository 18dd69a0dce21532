import { addDays } from '@petitio/reporting';
import type { FieldProblem } from '@petitio/platform';

export { addDays, localDate } from '@petitio/reporting';

const DAY_MS = 24 * 3600 * 1000;
/** A year and a leap day: the longest period the dashboard shows. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

/** The period asked for, ends defaulted (the last 30 days up to today); a problem on `to` when it is backwards or too long. */
export function periodOf(from: string | undefined, to: string | undefined, today: string): { from: string; to: string; problems: FieldProblem[] } {
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_PERIOD_DAYS - 1));
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  const problems: FieldProblem[] = days < 1 || days > MAX_PERIOD_DAYS ? [{ field: 'to', code: 'period' }] : [];
  return { from: start, to: end, problems };
}
