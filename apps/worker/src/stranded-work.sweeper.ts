import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';
import { DataSource } from 'typeorm';

/**
 * The safety net under the outbox: jobs live in Redis, which can be lost, so every interval
 * the worker looks in PostgreSQL for applications that should have been routed and messages
 * that should have been sent long ago, and queues them again.
 */
@Injectable()
export class StrandedWorkSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StrandedWorkSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly routing: RoutingService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.sweeping) this.sweeping = this.sweep().finally(() => (this.sweeping = undefined));
    }, this.env.ROUTING_SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    try {
      await this.routing.reemitStranded(this.env.ROUTING_SWEEP_AFTER_SECONDS);
      const messages = await this.notifications.reemitStranded(this.dataSource.manager, this.env.NOTIFY_SWEEP_AFTER_SECONDS);
      if (messages) this.logger.warn({ msg: 're-queued undelivered messages', count: messages });
    } catch (error) {
      this.logger.warn({ msg: 'sweep for stranded work failed; will try again', err: error instanceof Error ? error.message : String(error) });
    }
  }
}
