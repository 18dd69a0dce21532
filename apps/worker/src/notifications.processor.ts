import { Inject, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { MessageDelivery, PermanentDeliveryError } from '@petitio/message-delivery';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** Delivers each recorded outgoing message (the job's aggregate is the outgoing_messages id). */
@Processor(QueueName.Notifications, WORKER_OPTIONS)
export class NotificationsProcessor extends QueueWorker implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly delivery: MessageDelivery,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Notifications) queue: Queue,
  ) {
    super(QueueName.Notifications, metrics, queue);
  }

  onModuleInit(): void {
    // One delivery job per message, whatever happens to the event in between.
    this.subscribeTo(
      this.subscriptions,
      OutboxTopic.MessageRequested,
      'deliver',
      (event) => `message-${event.aggregateId}`,
      this.env.NOTIFY_ATTEMPTS,
      this.env.NOTIFY_BACKOFF_MS,
    );
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.NOTIFY_CONCURRENCY;
  }

  async process(job: Job<OutboxJob>) {
    const messageId = this.aggregateIdOf(job);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.delivery.deliver(messageId, { lastAttempt });
    } catch (error) {
      // Retrying would get the same answer: fail the job visibly instead of looping.
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
