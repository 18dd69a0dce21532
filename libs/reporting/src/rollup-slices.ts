/** Local calendar days as YYYY-MM-DD, compared as text (ISO dates sort as they run). */
type Day = string;

/**
 * How a period of local days is read from the rollups: its whole calendar months from the monthly rollup, the
 * days before the first and after the last whole month from the daily one. Twelve months read at most eleven
 * months' rows and sixty days', not 365 days'.
 */
export interface RollupSlices {
  /** First days of whole months: [from, before). Empty when from === before. The daily rollup gives the period's other days. */
  months: { from: Day; before: Day };
}

/** The local calendar day of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): Day {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function monthOf(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function nextMonth(day: Day): Day {
  const date = new Date(`${monthOf(day)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

export function rollupSlices(from: Day, to: Day): RollupSlices {
  const firstWhole = from.endsWith('-01') ? from : nextMonth(from);
  const after = addDays(to, 1);
  const wholeBefore = after.endsWith('-01') ? after : monthOf(to);
  const months = firstWhole < wholeBefore ? { from: firstWhole, before: wholeBefore } : { from: firstWhole, before: firstWhole };
  return { months };
}

/** The trend's points: days for a period up to TREND_DAILY_MAX_DAYS, else months (the first and last may be partial). */
export const TREND_DAILY_MAX_DAYS = 92;

export function periodLength(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
