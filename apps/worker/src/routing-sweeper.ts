import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';

/**
 * The safety net under the outbox: jobs live in Redis, which can be lost, so every
 * interval the worker looks in PostgreSQL for applications that should have been routed long ago.
 */
@Injectable()
export class RoutingSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly routing: RoutingService,
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
    } catch (error) {
      this.logger.warn({ msg: 'routing sweep failed; will try again', err: error instanceof Error ? error.message : String(error) });
    }
  }
}
