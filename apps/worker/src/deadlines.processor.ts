import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ApplicationChanges, ApplicationDeadlines } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue } from 'bullmq';
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
    // One job per routing event (a transfer routes again); onRouted itself never opens a second clock of a kind.
    this.subscribeTo(
      this.subscriptions,
      OutboxTopic.ApplicationRouted,
      'start-clocks',
      (event) => `deadlines-${event.aggregateId}-${event.id}`,
      this.env.ROUTING_ATTEMPTS,
    );
  }

  async process(job: Job<OutboxJob>) {
    const applicationId = this.aggregateIdOf(job);
    await this.onApplication(() => this.changes.change({ system: true }, applicationId, undefined, (ctx) => this.deadlines.onRouted(ctx)));
  }
}
