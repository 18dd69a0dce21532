import { BeforeApplicationShutdown, Inject, Logger, OnModuleInit } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { AutoAssignment } from '@petitio/applications';
import { ENVIRONMENT, Environment, Metrics, NotFoundError, OutboxSubscriptions, OutboxTopic, QueueName, connectedToRedis, WORKER_OPTIONS } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';

/** Typed contract of an assignment job, as the outbox relay publishes it from `application.routed`. */
export interface AssignApplicationJob {
  eventId: string;
  aggregateId: string;
  agencyId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Gives each newly routed application to an officer when its agency assigns automatically. */
@Processor(QueueName.Assignment, WORKER_OPTIONS)
export class AutoAssignmentProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AutoAssignmentProcessor.name);
  private lastErrorLoggedAt = 0;

  constructor(
    private readonly autoAssignment: AutoAssignment,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Assignment) queue: Queue,
  ) {
    super();
    // Without a listener BullMQ prints every failed reconnect to stderr while Redis is down.
    queue.on('error', (error) => this.onError(error));
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

  /** Same as the routing worker: BullMQ's graceful close would wait forever for a Redis that is down. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close(!(await connectedToRedis(this.worker, 1000)));
  }

  async process(job: Job<AssignApplicationJob>) {
    const applicationId = job.data?.aggregateId;
    if (typeof applicationId !== 'string' || !UUID.test(applicationId)) {
      throw new UnrecoverableError('assignment job without a valid application id');
    }
    try {
      return await this.autoAssignment.assignOnRouting(applicationId);
    } catch (error) {
      // No application behind the job will not fix itself by retrying: fail it visibly.
      if (error instanceof NotFoundError) throw new UnrecoverableError('application not found');
      throw error;
    }
  }

  @OnWorkerEvent('completed')
  onCompleted(): void {
    this.metrics.jobsProcessed.inc({ queue: QueueName.Assignment, outcome: 'completed' });
  }

  /** Connection errors while Redis is away: BullMQ reconnects by itself; say so once, not per retry. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 30_000) this.logger.warn({ msg: 'assignment worker cannot reach Redis; reconnecting', err: error.message });
    this.lastErrorLoggedAt = now;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.jobsProcessed.inc({ queue: QueueName.Assignment, outcome: final ? 'failed' : 'retried' });
    this.logger.warn({ msg: final ? 'assignment job failed' : 'assignment job will retry', jobId: job?.id, attempt: job?.attemptsMade, err: error.message });
  }
}
