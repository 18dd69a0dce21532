import { Inject, Injectable } from '@nestjs/common';
import { DashboardRollups } from '@petitio/applications';
import { ENVIRONMENT, Environment, Metrics } from '@petitio/platform';
import { PeriodicSweep } from './periodic-sweep';

/**
 * Brings the dashboard's rollups up to date every DASHBOARD_REFRESH_MS. Several workers may run it: one refreshes
 * at a time (an advisory lock), the others skip that round.
 */
@Injectable()
export class DashboardRollupsRefresher extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly rollups: DashboardRollups,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) env: Environment,
  ) {
    super();
    this.intervalMs = env.DASHBOARD_REFRESH_MS;
  }

  protected async sweep(): Promise<void> {
    // A backlog (a first run, a bulk load) is worked off now, a bounded number of days per transaction.
    for (let round = 0; round < 1000; round++) {
      const stop = this.metrics.dashboardRefresh.startTimer();
      const step = await this.rollups.refresh();
      if (!step.skipped) stop();
      if (!step.more || step.skipped) return;
    }
  }
}
