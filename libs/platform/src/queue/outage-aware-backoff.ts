import type { BackoffStrategy } from 'bullmq';
import { isDatabaseUnavailable } from '../database/database-errors';

/** The backoff type of jobs whose waits `outageAwareBackoff` computes; every Petitio worker knows it. */
export const OUTAGE_AWARE_BACKOFF = 'outage-aware';

/** The longest a job waits between attempts while PostgreSQL is out of reach. */
export const MOST_WAIT_WHILE_DATABASE_AWAY_MS = 5000;

/**
 * Exponential waits from the job's delay (1, 2, 4, 8… s), except after an attempt that failed because PostgreSQL
 * was out of reach: a restart or failover lasts seconds, and doubling would leave the applications that arrived
 * meanwhile waiting a minute or more after the database is back. Those attempts come again within 5 s instead.
 */
export const outageAwareBackoff: BackoffStrategy = (attemptsMade, _type, error, job) => {
  const backoff = job?.opts.backoff;
  const delay = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 1000);
  const exponential = Math.round(2 ** Math.max(attemptsMade - 1, 0) * delay);
  return isDatabaseUnavailable(error) ? Math.min(exponential, MOST_WAIT_WHILE_DATABASE_AWAY_MS) : exponential;
};
