import type { MinimalJob } from 'bullmq';
import { MOST_WAIT_WHILE_DATABASE_AWAY_MS, outageAwareBackoff } from './outage-aware-backoff';

const jobWithDelay = (delay: number) => ({ opts: { backoff: { type: 'outage-aware', delay } } }) as unknown as MinimalJob;
/** What node-postgres raises for a server shutting down (admin_shutdown). */
const databaseGone = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const badQuery = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });

describe('outageAwareBackoff', () => {
  it('doubles from the job’s delay after an ordinary failure', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempt) => outageAwareBackoff(attempt, 'outage-aware', badQuery, jobWithDelay(1000)));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000]);
  });

  it('never waits longer than the cap while PostgreSQL is out of reach', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempt) => outageAwareBackoff(attempt, 'outage-aware', databaseGone, jobWithDelay(1000)));
    expect(waits).toEqual([1000, 2000, 4000, MOST_WAIT_WHILE_DATABASE_AWAY_MS, 5000, 5000, 5000]);
  });

  it('reads a delay given as a bare number', () => {
    const job = { opts: { backoff: 300 } } as unknown as MinimalJob;
    expect(outageAwareBackoff(3, 'outage-aware', badQuery, job)).toBe(1200);
  });
});
