import { DURATION_BOUNDS, DURATION_BUCKETS, durationBucket, durationFigures, histogramOf, histogramQuantile } from './dashboard-durations';

const HOUR = 3600;
const DAY = 86_400;

/** The exact quantile, as a sorted list gives it (nearest rank). */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

describe('dashboard durations', () => {
  it('numbers buckets from 1 as width_bucket does, the last one open', () => {
    expect(durationBucket(0)).toBe(1);
    expect(durationBucket(-5)).toBe(1);
    expect(durationBucket(15 * 60 - 1)).toBe(1);
    expect(durationBucket(15 * 60)).toBe(2);
    expect(durationBucket(DAY)).toBe(DURATION_BOUNDS.indexOf(DAY) + 1);
    expect(durationBucket(10 * 365 * DAY)).toBe(DURATION_BUCKETS);
  });

  it('estimates a quantile inside the bucket that holds the exact one', () => {
    const durations = [2 * HOUR, 5 * HOUR, 26 * HOUR, 3.5 * DAY, 3.6 * DAY, 10 * DAY, 12 * DAY, 29 * DAY, 31 * DAY, 44 * DAY, 200 * DAY];
    const counts = histogramOf(durations);
    for (const q of [0.1, 0.5, 0.9]) {
      const exact = exactQuantile(durations, q);
      const bucket = durationBucket(exact);
      const estimate = histogramQuantile(counts, q)!;
      expect(estimate).toBeGreaterThanOrEqual(DURATION_BOUNDS[bucket - 1]);
      expect(estimate).toBeLessThanOrEqual(DURATION_BOUNDS[bucket] ?? Infinity);
    }
  });

  it('interpolates linearly within a bucket', () => {
    // Four answers between 7 and 9 days: the median lies halfway through the bucket.
    const counts = histogramOf([7.1 * DAY, 7.5 * DAY, 8 * DAY, 8.9 * DAY]);
    expect(histogramQuantile(counts, 0.5)).toBe(8 * DAY);
  });

  it('answers the open last bucket with its lower bound, and nothing without durations', () => {
    expect(histogramQuantile(histogramOf([400 * DAY]), 0.5)).toBe(365 * DAY);
    expect(durationFigures(histogramOf([]))).toEqual({ count: 0, median: null, p90: null });
  });
});
