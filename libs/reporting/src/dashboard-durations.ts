import type { DurationFigures } from './dashboard-figures';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * Lower bounds, in seconds, of the buckets the rollups count response times in. Finer where deadlines fall (hours,
 * the first days, the 15 and 30 working days of the laws), coarser beyond. Bucket i (1-based, as PostgreSQL's
 * width_bucket numbers them) holds durations from DURATION_BOUNDS[i-1] up to DURATION_BOUNDS[i]; the last is open.
 */
export const DURATION_BOUNDS: readonly number[] = [
  0,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  12 * HOUR,
  DAY,
  1.5 * DAY,
  2 * DAY,
  3 * DAY,
  4 * DAY,
  5 * DAY,
  6 * DAY,
  7 * DAY,
  9 * DAY,
  11 * DAY,
  14 * DAY,
  17 * DAY,
  21 * DAY,
  25 * DAY,
  30 * DAY,
  35 * DAY,
  40 * DAY,
  50 * DAY,
  60 * DAY,
  75 * DAY,
  90 * DAY,
  120 * DAY,
  180 * DAY,
  365 * DAY,
];

export const DURATION_BUCKETS = DURATION_BOUNDS.length;

/** The 1-based bucket of a duration, as the rollup's SQL computes it (negative durations count in the first). */
export function durationBucket(seconds: number): number {
  let bucket = 1;
  while (bucket < DURATION_BUCKETS && seconds >= DURATION_BOUNDS[bucket]) bucket++;
  return bucket;
}

/** A histogram of the given durations, index 0 is bucket 1. */
export function histogramOf(durations: readonly number[]): number[] {
  const counts = new Array<number>(DURATION_BUCKETS).fill(0);
  for (const seconds of durations) counts[durationBucket(seconds) - 1]++;
  return counts;
}

/**
 * The q-quantile estimated from a histogram: the bucket holding the rank, and a linear interpolation inside it
 * (the open last bucket answers its lower bound). Exact to within the bucket, which is what a dashboard needs;
 * exact quantiles would read every duration of the period.
 */
export function histogramQuantile(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (n > 0 && below + n >= rank) {
      const lower = DURATION_BOUNDS[i];
      if (i === DURATION_BUCKETS - 1) return lower;
      const upper = DURATION_BOUNDS[i + 1];
      return Math.round(lower + ((rank - below) / n) * (upper - lower));
    }
    below += n;
  }
  return DURATION_BOUNDS[DURATION_BUCKETS - 1];
}

export function durationFigures(counts: readonly number[]): DurationFigures {
  return {
    count: counts.reduce((sum, n) => sum + n, 0),
    median: histogramQuantile(counts, 0.5),
    p90: histogramQuantile(counts, 0.9),
  };
}
