import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, connectedToRedis, WORKER_OPTIONS } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';
import { Job, Queue, UnrecoverableError } from 'bullmq';

/** Typed contract of a routing job, as the outbox relay publishes it. */
export interface RouteApplicationJob {
  eventId: string;
  aggregateId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Processor(QueueName.Routing, WORKER_OPTIONS)
export class RoutingProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoutingProcessor.name);
  private lastErrorLoggedAt = 0;

  constructor(
    private readonly routing: RoutingService,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Routing) queue: Queue,
  ) {
    super();
    // Without a listener BullMQ prints every failed reconnect to stderr while Redis is down.
    queue.on('error', (error) => this.onError(error));
  }

  onModuleInit(): void {
    this.subscriptions.subscribe({
      topic: OutboxTopic.ApplicationReceived,
      queue: QueueName.Routing,
      jobName: 'route',
      // One routing job per application, whatever happens to the event in between.
      jobId: (event) => `route-${event.aggregateId}`,
      options: {
        attempts: this.env.ROUTING_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.ROUTING_CONCURRENCY;
  }

  /**
   * BullMQ's graceful close waits for Redis to acknowledge, which never happens while Redis is down
   * (ioredis emits no 'end' for a connection it is still reconnecting): SIGTERM would be ignored.
   * Without Redis, close at once; jobs in flight are re-run elsewhere once their lock expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close(!(await connectedToRedis(this.worker, 1000)));
  }

  async process(job: Job<RouteApplicationJob>) {
    const applicationId = job.data?.aggregateId;
    if (typeof applicationId !== 'string' || !UUID.test(applicationId)) {
      throw new UnrecoverableError('routing job without a valid application id');
    }
    const outcome = await this.routing.route(applicationId);
    // No application behind the job will not fix itself by retrying: fail it visibly.
    if (!outcome.routed && outcome.reason === 'not_found') throw new UnrecoverableError('application not found');
    return outcome;
  }

  @OnWorkerEvent('completed')
  onCompleted(): void {
    this.metrics.jobsProcessed.inc({ queue: QueueName.Routing, outcome: 'completed' });
  }

  /** Connection errors while Redis is away: BullMQ reconnects by itself; say so once, not per retry. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 30_000) this.logger.warn({ msg: 'routing worker cannot reach Redis; reconnecting', err: error.message });
    this.lastErrorLoggedAt = now;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.jobsProcessed.inc({ queue: QueueName.Routing, outcome: final ? 'failed' : 'retried' });
    this.logger.warn({ msg: final ? 'routing job failed' : 'routing job will retry', jobId: job?.id, attempt: job?.attemptsMade, err: error.message });
  }
}
