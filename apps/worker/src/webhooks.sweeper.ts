import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ENVIRONMENT, Environment, QueueName, connectedToRedis } from '@petitio/platform';
import { WebhookDeliveries } from '@petitio/webhooks';
import { Queue } from 'bullmq';
import { PeriodicSweep } from './periodic-sweep';
import { WebhooksProcessor } from './webhooks.processor';

/** Webhook attempts whose jobs Redis lost: PostgreSQL says when each was due, so they are queued again. */
@Injectable()
export class WebhooksSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly deliveries: WebhookDeliveries,
    private readonly processor: WebhooksProcessor,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
  ) {
    super();
    this.intervalMs = env.ROUTING_SWEEP_INTERVAL_MS;
  }

  protected async sweep(): Promise<void> {
    if (!(await connectedToRedis(this.queue, 1000))) return;
    const overdue = await this.deliveries.overdue(this.env.WEBHOOK_SWEEP_AFTER_SECONDS);
    if (overdue.length === 0) return;
    await this.processor.queueAttempts(overdue);
    this.logger.warn({ msg: 're-queued overdue webhook attempts', count: overdue.length });
  }
}
