import { Inject, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import {
  ENVIRONMENT,
  Environment,
  Batcher,
  Metrics,
  OutboxSubscriptions,
  OutboxTopic,
  QueueName,
  WORKER_OPTIONS,
  isDatabaseUnavailable,
  isTransientConflict,
} from '@petitio/platform';
import { RoutingOutcome, RoutingService } from '@petitio/routing';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** One routing job per application: its id keeps a republished event from routing twice. */
const routingJobId = (applicationId: string) => `route-${applicationId}`;

/**
 * How a routing job that failed for good because PostgreSQL was out of reach (or its last attempt collided with
 * another transaction) says so: the stranded-work sweeper gives those, and only those, fresh attempts.
 */
export const RETRY_LATER = 'retry later:';

const worthRetryingLater = (error: unknown) => isDatabaseUnavailable(error) || isTransientConflict(error);

@Processor(QueueName.Routing, WORKER_OPTIONS)
export class RoutingProcessor extends QueueWorker implements OnModuleInit, OnApplicationBootstrap {
  /** Jobs that run at the same time are routed together, in one transaction. */
  private readonly batcher: Batcher<string, RoutingOutcome>;

  constructor(
    private readonly routing: RoutingService,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Routing) queue: Queue,
  ) {
    super(QueueName.Routing, metrics, queue);
    this.batcher = new Batcher(
      {
        maxSize: env.ROUTING_CONCURRENCY,
        // Without PostgreSQL, routing them one by one would only wait for a connection once per application.
        retryAlone: (error) => !isDatabaseUnavailable(error),
        onBatch: (size) => metrics.routingBatchSize.observe(size),
        onBatchFailed: (error, size) =>
          this.logger.warn({
            msg: 'routing batch failed; routing its applications one by one',
            size,
            err: error instanceof Error ? error.message : String(error),
          }),
      },
      (ids) => this.routing.routeMany(ids),
    );
  }

  onModuleInit(): void {
    // One routing job per application, whatever happens to the event in between.
    this.subscribeTo(this.subscriptions, OutboxTopic.ApplicationReceived, 'route', (event) => routingJobId(event.aggregateId), this.env.ROUTING_ATTEMPTS);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.ROUTING_CONCURRENCY;
  }

  async process(job: Job<OutboxJob>) {
    const id = this.aggregateIdOf(job);
    const outcome = await this.batcher.run(id).catch(async (error: unknown) => {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      if (worthRetryingLater(error)) throw retryLater(error);
      // The rules failed on every attempt: a person at the central triage unit places the application rather than nobody.
      this.logger.error({ msg: 'routing failed on every attempt; sending the application to central triage', applicationId: id, err: messageOf(error) });
      try {
        return (await this.routing.routeToTriage([id])).get(id)!;
      } catch (fallbackError) {
        throw worthRetryingLater(fallbackError) ? retryLater(fallbackError) : fallbackError;
      }
    });
    // No application behind the job will not fix itself by retrying: fail it visibly.
    if (!outcome.routed && outcome.reason === 'not_found') throw new UnrecoverableError('application not found');
    return outcome;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function retryLater(error: unknown): Error {
  return new Error(`${RETRY_LATER} ${messageOf(error)}`);
}
