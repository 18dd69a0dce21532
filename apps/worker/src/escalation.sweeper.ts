import { Inject, Injectable } from '@nestjs/common';
import { DeadlineEscalations } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics } from '@petitio/platform';
import { PeriodicSweep } from './periodic-sweep';

/**
 * The safety net under the escalation timers: they live in Redis, which can be lost, so every interval the
 * worker asks PostgreSQL for steps overdue past a grace period and fires them. Several workers may sweep at
 * once: each step is fired under its application's lock and recorded once.
 */
@Injectable()
export class EscalationSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly escalations: DeadlineEscalations,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {
    super();
    this.intervalMs = env.ESCALATION_SWEEP_INTERVAL_MS;
  }

  protected async sweep(): Promise<void> {
    let fired: number;
    // A full batch means more may be waiting: keep going rather than leave them for the next interval.
    do {
      fired = await this.escalations.sweep(this.env.ESCALATION_SWEEP_GRACE_MS, this.env.ESCALATION_SWEEP_BATCH);
      if (fired) {
        this.metrics.escalationsFired.inc({ fired_by: 'sweeper' }, fired);
        this.logger.warn({ msg: 'fired escalations whose timers were missing', count: fired });
      }
    } while (fired >= this.env.ESCALATION_SWEEP_BATCH);
  }
}
