import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Acknowledgements } from '@petitio/applications';
import { ENVIRONMENT, Environment, Metrics, NotFoundError, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** Sends each new application's citizen a receipt on the contact they gave. */
@Processor(QueueName.Acknowledgement, WORKER_OPTIONS)
export class AcknowledgementProcessor extends QueueWorker implements OnModuleInit {
  constructor(
    private readonly acknowledgements: Acknowledgements,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Acknowledgement) queue: Queue,
  ) {
    super(QueueName.Acknowledgement, metrics, queue);
  }

  onModuleInit(): void {
    this.subscriptions.subscribe({
      topic: OutboxTopic.ApplicationReceived,
      queue: QueueName.Acknowledgement,
      jobName: 'acknowledge',
      jobId: (event) => `ack-${event.aggregateId}`,
      options: {
        attempts: this.env.ROUTING_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  async process(job: Job<OutboxJob>) {
    try {
      return await this.acknowledgements.acknowledge(this.aggregateIdOf(job));
    } catch (error) {
      if (error instanceof NotFoundError) throw new UnrecoverableError('application not found');
      throw error;
    }
  }
}
