import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { MessageDelivery, PermanentDeliveryError } from '@petitio/notifications';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, connectedToRedis, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';

/** Typed contract of a delivery job, as the outbox relay publishes it: the outgoing_messages id. */
export interface DeliverMessageJob {
  eventId: string;
  aggregateId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Processor(QueueName.Notifications, WORKER_OPTIONS)
export class NotificationsProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private lastErrorLoggedAt = 0;

  constructor(
    private readonly delivery: MessageDelivery,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Notifications) queue: Queue,
  ) {
    super();
    // Without a listener BullMQ prints every failed reconnect to stderr while Redis is down.
    queue.on('error', (error) => this.onError(error));
  }

  onModuleInit(): void {
    this.subscriptions.subscribe({
      topic: OutboxTopic.MessageRequested,
      queue: QueueName.Notifications,
      jobName: 'deliver',
      // One delivery job per message, whatever happens to the event in between.
      jobId: (event) => `message-${event.aggregateId}`,
      options: {
        attempts: this.env.NOTIFY_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.env.NOTIFY_BACKOFF_MS },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.NOTIFY_CONCURRENCY;
  }

  /** Same as the routing worker: BullMQ's graceful close would wait forever for a Redis that is down. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close(!(await connectedToRedis(this.worker, 1000)));
  }

  async process(job: Job<DeliverMessageJob>) {
    const messageId = job.data?.aggregateId;
    if (typeof messageId !== 'string' || !UUID.test(messageId)) throw new UnrecoverableError('delivery job without a valid message id');
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.delivery.deliver(messageId, { lastAttempt });
    } catch (error) {
      // Retrying would get the same answer: fail the job visibly instead of looping.
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  @OnWorkerEvent('completed')
  onCompleted(): void {
    this.metrics.jobsProcessed.inc({ queue: QueueName.Notifications, outcome: 'completed' });
  }

  /** Connection errors while Redis is away: BullMQ reconnects by itself; say so once, not per retry. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 30_000) this.logger.warn({ msg: 'notifications worker cannot reach Redis; reconnecting', err: error.message });
    this.lastErrorLoggedAt = now;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.jobsProcessed.inc({ queue: QueueName.Notifications, outcome: final ? 'failed' : 'retried' });
  }
}
