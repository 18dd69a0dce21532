import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Metrics, NotFoundError, OutboxEvent, OutboxSubscriptions, OUTAGE_AWARE_BACKOFF, QueueName, connectedToRedis, isUuid } from '@petitio/platform';
import { Job, Queue, UnrecoverableError } from 'bullmq';

/** Every job the outbox relay publishes carries the event and the aggregate it is about. */
export interface OutboxJob {
  eventId: string;
  aggregateId: string;
}

/**
 * What every Petitio queue worker shares: metrics per outcome, one log line per Redis outage
 * rather than one per reconnect, and a shutdown that does not hang while Redis is away.
 */
export abstract class QueueWorker extends WorkerHost implements BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private lastErrorLoggedAt = 0;

  protected constructor(
    private readonly queueName: QueueName,
    protected readonly metrics: Metrics,
    queue: Queue,
  ) {
    super();
    // Without a listener BullMQ prints every failed reconnect to stderr while Redis is down.
    queue.on('error', (error) => this.onError(error));
  }

  /** The job's aggregate id; a job without a valid one can never succeed, so it fails at once. */
  protected aggregateIdOf(job: Job<OutboxJob>): string {
    const id = job.data?.aggregateId;
    if (typeof id !== 'string' || !isUuid(id)) throw new UnrecoverableError(`${this.queueName} job without a valid id`);
    // As PostgreSQL writes uuids, so results keyed by the id it returns find their job.
    return id.toLowerCase();
  }

  /**
   * Has `topic`'s events delivered to this queue as jobs, with our standard retry and retention:
   * exponential backoff from 1 s (at most 5 s while PostgreSQL is away), completed jobs kept a day (their ids keep republished events out),
   * failed ones a month for people to look at.
   */
  protected subscribeTo(
    subscriptions: OutboxSubscriptions,
    topic: string,
    jobName: string,
    jobId: (event: OutboxEvent) => string,
    attempts: number,
    backoffMs = 1000,
  ): void {
    subscriptions.subscribe({
      topic,
      queue: this.queueName,
      jobName,
      jobId,
      options: {
        attempts,
        backoff: { type: OUTAGE_AWARE_BACKOFF, delay: backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  /** Runs a job's work; a missing application will not appear by retrying, so that fails the job at once. */
  protected async onApplication<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) throw new UnrecoverableError('application not found');
      throw error;
    }
  }

  /**
   * BullMQ's graceful close waits for Redis to acknowledge, which never happens while Redis is down
   * (ioredis emits no 'end' for a connection it is still reconnecting): SIGTERM would be ignored.
   * Without Redis, close at once; jobs in flight are re-run elsewhere once their lock expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close(!(await connectedToRedis(this.worker, 1000)));
  }

  @OnWorkerEvent('completed')
  onCompleted(): void {
    this.metrics.jobsProcessed.inc({ queue: this.queueName, outcome: 'completed' });
  }

  /** Connection errors while Redis is away: BullMQ reconnects by itself; say so once, not per retry. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 30_000) this.logger.warn({ msg: `${this.queueName} worker cannot reach Redis; reconnecting`, err: error.message });
    this.lastErrorLoggedAt = now;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.jobsProcessed.inc({ queue: this.queueName, outcome: final ? 'failed' : 'retried' });
    this.logger.warn({
      msg: final ? `${this.queueName} job failed` : `${this.queueName} job will retry`,
      jobId: job?.id,
      attempt: job?.attemptsMade,
      err: error.message,
    });
  }
}
