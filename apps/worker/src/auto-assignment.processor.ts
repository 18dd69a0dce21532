import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { AutoAssignment } from '@petitio/applications';
import { ENVIRONMENT, Environment, Metrics, NotFoundError, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';
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
    this.subscriptions.subscribe({
      topic: OutboxTopic.ApplicationRouted,
      queue: QueueName.Assignment,
      jobName: 'assign',
      // One job per routing event: a republished event is ignored, while a later routing of the same
      // application (after a transfer, say) still gets its own job. The service itself is idempotent too.
      jobId: (event) => `assign-${event.aggregateId}-${event.id}`,
      options: {
        attempts: this.env.AUTO_ASSIGNMENT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  async process(job: Job<OutboxJob>) {
    const applicationId = this.aggregateIdOf(job);
    try {
      return await this.autoAssignment.assignOnRouting(applicationId);
    } catch (error) {
      // No application behind the job will not fix itself by retrying: fail it visibly.
      if (error instanceof NotFoundError) throw new UnrecoverableError('application not found');
      throw error;
    }
  }
}
