import { Inject, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import {
  ENVIRONMENT,
  Environment,
  Metrics,
  OUTAGE_AWARE_BACKOFF,
  OutboxEvent,
  OutboxSubscriptions,
  QueueName,
  WORKER_OPTIONS,
  isUuid,
} from '@petitio/platform';
import {
  DueDelivery,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_OUTBOX_TOPIC,
  WEBHOOK_REPLAY_TOPIC,
  WebhookDeliveries,
  WebhookEventType,
  WebhookFanOut,
  deliveryJobId,
} from '@petitio/webhooks';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { QueueWorker } from './queue-worker';

type WebhookJob = { historyId?: unknown; type?: unknown; deliveryId?: unknown; aggregateId?: unknown };

/**
 * Webhooks in two steps on one queue: a history line fans out into deliveries (kept in PostgreSQL), and each
 * delivery's attempts run as jobs, the next one queued with its delay when an attempt fails. The attempt count and
 * the time of the next attempt live in PostgreSQL, so a lost job is re-queued by the sweep, not forgotten.
 */
@Processor(QueueName.Webhooks, WORKER_OPTIONS)
export class WebhooksProcessor extends QueueWorker implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly fanOut: WebhookFanOut,
    private readonly deliveries: WebhookDeliveries,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
  ) {
    super(QueueName.Webhooks, metrics, queue);
  }

  onModuleInit(): void {
    this.subscribeTo(
      this.subscriptions,
      WEBHOOK_OUTBOX_TOPIC,
      'fan-out',
      (event) => `webhook-fan-out-${String(event.payload.historyId)}`,
      this.env.ROUTING_ATTEMPTS,
    );
    const replayed = (event: OutboxEvent) => ({ id: event.aggregateId, attempts: 0, nextAttemptAt: new Date(String(event.payload.nextAttemptAt)) });
    this.subscribeTo(this.subscriptions, WEBHOOK_REPLAY_TOPIC, 'deliver', (event) => deliveryJobId(replayed(event)), this.env.ROUTING_ATTEMPTS);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.WEBHOOK_CONCURRENCY;
  }

  async process(job: Job<WebhookJob>) {
    if (job.name === 'fan-out') {
      const { historyId, type } = job.data;
      if (typeof historyId !== 'string' && typeof historyId !== 'number') throw new UnrecoverableError('fan-out job without a history id');
      if (!WEBHOOK_EVENT_TYPES.includes(type as WebhookEventType)) throw new UnrecoverableError('fan-out job without a known type');
      const due = await this.onApplication(() => this.fanOut.fanOut(String(historyId), type as WebhookEventType));
      await this.queueAttempts(due);
      return { deliveries: due.length };
    }
    // Queued by an attempt or a sweep (deliveryId), or by a replay through the outbox (the delivery is its aggregate).
    const deliveryId = job.data.deliveryId ?? job.data.aggregateId;
    if (typeof deliveryId !== 'string' || !isUuid(deliveryId)) throw new UnrecoverableError('delivery job without a delivery id');
    const result = await this.deliveries.attempt(deliveryId);
    if (result.outcome === 'retry') await this.queueAttempts([result.next]);
    // Held by an attempt in flight, or by one whose worker died (the hold then lapses): this job tries again shortly.
    if (result.outcome === 'busy') throw new Error('webhook delivery held by another attempt');
    return result.outcome;
  }

  /** One job per attempt, delayed to its time; the same attempt queued twice (a rerun, a sweep) is one job. */
  async queueAttempts(due: DueDelivery[]): Promise<void> {
    if (due.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      due.map((delivery) => ({
        name: 'deliver',
        data: { deliveryId: delivery.id },
        opts: {
          jobId: deliveryJobId(delivery),
          delay: Math.max(0, new Date(delivery.nextAttemptAt).getTime() - now),
          // A failing receiver is no failing job: the attempt is kept and the next one queued. Jobs fail only on our side (PostgreSQL away).
          attempts: this.env.ROUTING_ATTEMPTS,
          backoff: { type: OUTAGE_AWARE_BACKOFF, delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 200_000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
  }
}
