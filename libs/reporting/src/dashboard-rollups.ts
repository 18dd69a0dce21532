import { Inject, Injectable } from '@nestjs/common';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DURATION_BOUNDS, DURATION_BUCKETS } from './dashboard-durations';
import { DROP_EMPTY_MONTHS, RECOMPUTE_DAYS, addDaysToMonths } from './dashboard-rollup-sql';
import { addDays, localDate, monthOf } from './rollup-slices';

/** Any two sessions refreshing at once would recompute the same days: one at a time, the others skip. */
const REFRESH_LOCK = 0x64617368; // 'dash'
/** Change-log rows read per refresh. */
const LOG_BATCH = 20_000;

export interface RollupRefresh {
  /** Local days recomputed. */
  days: number;
  /** Change-log rows consumed. */
  changes: number;
  /** More changes wait: call again. */
  more: boolean;
  /** Another session held the refresh. */
  skipped: boolean;
}

/**
 * Yesterday is recomputed until a refresh has started this long after local midnight: longer than any intake
 * transaction that began before midnight can take to commit.
 */
const AFTER_MIDNIGHT_MARGIN = '10 minutes';

/**
 * Keeps dashboard_daily and dashboard_monthly equal to what the live tables say, by recomputing whole local days:
 * those the change log names (a clock stopped, an answer given, a transfer, a rating …) and always today, which new
 * applications land in without a log row; yesterday too, until a refresh has started safely after midnight. A day recomputed later than needed is harmless; a
 * change is never missed, because its log row is consumed only by a refresh that started after it committed.
 */
@Injectable()
export class DashboardRollups {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** One refresh of at most `maxDays` logged days (plus today, and yesterday until it is safely over). */
  async refresh(maxDays = 31): Promise<RollupRefresh> {
    const zone = this.env.CALENDAR_TIME_ZONE;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REFRESH_LOCK]);
      if (!locked) return { days: 0, changes: 0, more: true, skipped: true };
      const now = this.clock.now();
      const yesterdayOpen = await this.recutOnZoneChange(manager, zone, now);
      const logged: { id: string; day: string }[] = await manager.query(
        `SELECT id, to_char((at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day FROM dashboard_changes ORDER BY id LIMIT $2`,
        [zone, LOG_BATCH],
      );
      const today = localDate(now, zone);
      const days = new Set(yesterdayOpen ? [today, addDays(today, -1)] : [today]);
      for (const row of logged) if (days.size < maxDays + 2 || days.has(row.day)) days.add(row.day);
      const consumed = logged.filter((row) => days.has(row.day)).map((row) => row.id);
      const dayList = [...days].sort();
      const months = [...new Set(dayList.map(monthOf))];

      await manager.query(addDaysToMonths(-1), [dayList]);
      await manager.query('DELETE FROM dashboard_daily WHERE day = ANY($1::date[])', [dayList]);
      await manager.query(RECOMPUTE_DAYS, [dayList, zone, DURATION_BOUNDS, new Array(DURATION_BUCKETS).fill(0)]);
      await manager.query(addDaysToMonths(1), [dayList]);
      await manager.query(DROP_EMPTY_MONTHS, [months]);
      if (consumed.length) await manager.query('DELETE FROM dashboard_changes WHERE id = ANY($1::bigint[])', [consumed]);
      await manager.query('UPDATE dashboard_rollup_state SET refreshed_at = $1', [now]);
      const more = consumed.length < logged.length || logged.length === LOG_BATCH;
      return { days: dayList.length, changes: consumed.length, more, skipped: false };
    });
  }

  /**
   * Refreshes until the log is empty (a deployment's first run, a bulk load) or another session holds the refresh;
   * `observe` hears of each refresh done and how long it took. Returns the days recomputed.
   */
  async catchUp(observe?: (step: RollupRefresh, seconds: number) => void): Promise<number> {
    let days = 0;
    for (;;) {
      const started = process.hrtime.bigint();
      const step = await this.refresh();
      if (step.skipped) return days;
      observe?.(step, Number(process.hrtime.bigint() - started) / 1e9);
      days += step.days;
      if (!step.more) return days;
    }
  }

  /**
   * The first refresh, or the first in another zone (days cut in another zone would be wrong by hours): drop the
   * rollups and log every hour anything happened, twice (its start and its 59th minute), so that each local day is
   * recomputed whatever the zone's offset. Returns whether yesterday may still change: the last refresh started
   * before local midnight plus AFTER_MIDNIGHT_MARGIN (or there was none).
   */
  private async recutOnZoneChange(manager: EntityManager, zone: string, now: Date): Promise<boolean> {
    const state: { time_zone: string; yesterday_open: boolean }[] = await manager.query(
      `SELECT time_zone, refreshed_at IS NULL
         OR refreshed_at < (date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2) + interval '${AFTER_MIDNIGHT_MARGIN}' AS yesterday_open
       FROM dashboard_rollup_state`,
      [now, zone],
    );
    if (state[0]?.time_zone === zone) return state[0].yesterday_open;
    await manager.query('DELETE FROM dashboard_daily; DELETE FROM dashboard_monthly');
    await manager.query(
      `INSERT INTO dashboard_changes (at)
       SELECT DISTINCT h + o FROM (SELECT date_trunc('hour', created_at) AS h FROM applications
                                   UNION SELECT date_trunc('hour', answered_at) FROM applications WHERE answered_at IS NOT NULL) x,
         (VALUES (interval '0'), (interval '59 minutes')) AS offsets(o)`,
    );
    await manager.query(`INSERT INTO dashboard_rollup_state (time_zone) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET time_zone = EXCLUDED.time_zone`, [
      zone,
    ]);
    return true;
  }
}
