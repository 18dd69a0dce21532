import type { Pool } from 'pg';
import { waitFor } from './ports';

/**
 * Waits until the worker's dashboard rollups hold every change committed so far: a refresh started after now
 * and the change log is drained. Period figures lag the applications by one refresh (DASHBOARD_REFRESH_MS).
 */
export async function rollupsCaughtUp(db: Pool, timeoutMs = 20_000): Promise<void> {
  const { rows } = await db.query<{ now: Date }>('SELECT now()');
  const since = rows[0].now;
  await waitFor(
    async () => {
      const state = await db.query<{ fresh: boolean; pending: number }>(
        `SELECT (SELECT refreshed_at > $1 FROM dashboard_rollup_state) AS fresh, (SELECT count(*)::int FROM dashboard_changes) AS pending`,
        [since],
      );
      return state.rows[0].fresh === true && state.rows[0].pending === 0;
    },
    timeoutMs,
    'the dashboard rollups to catch up',
  );
}
