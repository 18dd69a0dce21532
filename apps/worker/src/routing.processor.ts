import { Inject, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ENVIRONMENT, Environment, Batcher, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { RoutingOutcome, RoutingService } from '@petitio/routing';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** One routing job per application: its id keeps a republished event from routing twice. */
export const routingJobId = (applicationId: string) => `route-${applicationId}`;

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
        onBatch: (size) => metrics.routingBatchSize.observe(size),
        onBatchFailed: (error, size) =>
          this.logger.warn({ msg: 'routing batch failed; routing its applications one by one', size, err: error instanceof Error ? error.message : String(error) }),
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
    const outcome = await this.batcher.run(id).catch((error: unknown) => {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      // Every attempt failed: a person at the central triage unit places the application rather than nobody.
      // If this fails too (PostgreSQL unreachable), the job fails and the stranded-work sweeper retries it later.
      this.logger.error({ msg: 'routing failed on every attempt; sending the application to central triage', applicationId: id, err: error instanceof Error ? error.message : String(error) });
      return this.routing.routeToTriage([id]).then((outcomes) => outcomes.get(id)!);
    });
    // No application behind the job will not fix itself by retrying: fail it visibly.
    if (!outcome.routed && outcome.reason === 'not_found') throw new UnrecoverableError('application not found');
    return outcome;
  }
}
