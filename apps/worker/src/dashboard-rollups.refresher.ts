import { Inject, Injectable } from '@nestjs/common';
import { DashboardRollups } from '@petitio/reporting';
import { ENVIRONMENT, Environment, Metrics } from '@petitio/platform';
import { PeriodicSweep } from './periodic-sweep';

/** A refresh may use at most this share of the time: after one that took T, the next starts T × (1/share − 1) later. */
const MAX_SHARE_OF_TIME = 0.2;
/** …but never later than this: a first catch-up of a year (minutes) must not leave the figures stale for longer. */
const MAX_REST_MS = 60_000;

/**
 * Brings the dashboard's rollups up to date every DASHBOARD_REFRESH_MS. Several workers may run it: one refreshes
 * at a time (an advisory lock), the others skip that round. Refreshing today costs more as today fills up, so a
 * slow refresh spaces out the next ones rather than take the cores intake and routing need.
 */
@Injectable()
export class DashboardRollupsRefresher extends PeriodicSweep {
  protected readonly intervalMs: number;
  private restUntil = 0;

  constructor(
    private readonly rollups: DashboardRollups,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) env: Environment,
  ) {
    super();
    this.intervalMs = env.DASHBOARD_REFRESH_MS;
  }

  protected async sweep(): Promise<void> {
    if (Date.now() < this.restUntil) return;
    const started = Date.now();
    // A backlog (a first run, a bulk load) is worked off now, a bounded number of days per transaction.
    await this.rollups.catchUp((_step, seconds) => this.metrics.dashboardRefresh.observe(seconds));
    const took = Date.now() - started;
    this.restUntil = Date.now() + Math.min(took * (1 / MAX_SHARE_OF_TIME - 1), MAX_REST_MS);
  }
}
