import { Inject, Injectable } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from './periodic-sweep';

/**
 * The safety net under the outbox: jobs live in Redis, which can be lost, so every interval
 * the worker looks in PostgreSQL for applications that should have been routed and messages
 * that should have been sent long ago, and queues them again.
 */
@Injectable()
export class StrandedWorkSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly routing: RoutingService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {
    super();
    this.intervalMs = env.ROUTING_SWEEP_INTERVAL_MS;
  }

  protected async sweep(): Promise<void> {
    await this.routing.reemitStranded(this.env.ROUTING_SWEEP_AFTER_SECONDS);
    const messages = await this.notifications.reemitStranded(this.dataSource.manager, this.env.NOTIFY_SWEEP_AFTER_SECONDS);
    if (messages) this.logger.warn({ msg: 're-queued undelivered messages', count: messages });
  }
}
