import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Acknowledgements } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue } from 'bullmq';
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
    this.subscribeTo(this.subscriptions, OutboxTopic.ApplicationReceived, 'acknowledge', (event) => `ack-${event.aggregateId}`, this.env.ROUTING_ATTEMPTS);
  }

  process(job: Job<OutboxJob>) {
    return this.onApplication(() => this.acknowledgements.acknowledge(this.aggregateIdOf(job)));
  }
}
