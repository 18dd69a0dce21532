import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ApplicationChanges, ApplicationDeadlines } from '@petitio/applications';
import { ENVIRONMENT, Environment, Metrics, NotFoundError, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/**
 * Starts the SLA clocks of each application that reaches an agency. Routing writes in a single prepared
 * statement, so the clocks start here, from its event, in their own transaction on the locked row.
 */
@Processor(QueueName.Deadlines, WORKER_OPTIONS)
export class DeadlinesProcessor extends QueueWorker implements OnModuleInit {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Deadlines) queue: Queue,
  ) {
    super(QueueName.Deadlines, metrics, queue);
  }

  onModuleInit(): void {
    this.subscriptions.subscribe({
      topic: OutboxTopic.ApplicationRouted,
      queue: QueueName.Deadlines,
      jobName: 'start-clocks',
      // One job per routing event (a transfer routes again); onRouted itself never opens a second clock of a kind.
      jobId: (event) => `deadlines-${event.aggregateId}-${event.id}`,
      options: {
        attempts: this.env.ROUTING_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  async process(job: Job<OutboxJob>) {
    const applicationId = this.aggregateIdOf(job);
    try {
      await this.changes.change({ system: true }, applicationId, undefined, (ctx) => this.deadlines.onRouted(ctx));
    } catch (error) {
      if (error instanceof NotFoundError) throw new UnrecoverableError('application not found');
      throw error;
    }
  }
}
