import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { AutoAssignment } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** Gives each newly routed application to an officer when its agency assigns automatically. */
@Processor(QueueName.Assignment, WORKER_OPTIONS)
export class AutoAssignmentProcessor extends QueueWorker implements OnModuleInit {
  constructor(
    private readonly autoAssignment: AutoAssignment,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Assignment) queue: Queue,
  ) {
    super(QueueName.Assignment, metrics, queue);
  }

  onModuleInit(): void {
    // One job per routing event: a republished event is ignored, while a later routing of the same
    // application (after a transfer, say) still gets its own job. The service itself is idempotent too.
    this.subscribeTo(
      this.subscriptions,
      OutboxTopic.ApplicationRouted,
      'assign',
      (event) => `assign-${event.aggregateId}-${event.id}`,
      this.env.AUTO_ASSIGNMENT_ATTEMPTS,
    );
  }

  process(job: Job<OutboxJob>) {
    return this.onApplication(() => this.autoAssignment.assignOnRouting(this.aggregateIdOf(job)));
  }
}
