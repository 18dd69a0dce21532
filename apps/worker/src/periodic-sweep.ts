import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A safety net that runs every interval in each worker: one sweep at a time (a slow one is never overlapped),
 * failures logged and retried at the next interval, and shutdown waiting for the sweep in progress.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  protected abstract readonly intervalMs: number;
  protected abstract sweep(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.sweeping) this.sweeping = this.safely().finally(() => (this.sweeping = undefined));
    }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async safely(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.warn({ msg: 'sweep failed; will try again', err: error instanceof Error ? error.message : String(error) });
    }
  }
}
