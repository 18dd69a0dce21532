import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ApplicationChanges, ApplicationDeadlines } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { SlaPolicyAdmin } from '@petitio/sla';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

/** Clocks read per batch; each clock then moves in its own short transaction on its application. */
const BATCH = 200;

/**
 * An admin changed an SLA policy and asked open deadlines to follow: walks the open clocks under it by id and
 * moves each onto the new terms, keeping the share of time used. A retried job skips the clocks already moved.
 */
@Processor(QueueName.SlaPolicyChanges, WORKER_OPTIONS)
export class SlaPolicyChangesProcessor extends QueueWorker implements OnModuleInit {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
    private readonly policies: SlaPolicyAdmin,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.SlaPolicyChanges) queue: Queue,
  ) {
    super(QueueName.SlaPolicyChanges, metrics, queue);
  }

  onModuleInit(): void {
    // One job per change asked for; each moves clocks onto the policy as it is at that moment.
    this.subscribeTo(
      this.subscriptions,
      OutboxTopic.SlaPolicyChanged,
      'move-open-clocks',
      (event) => `sla-policy-changed-${event.aggregateId}-${event.id}`,
      this.env.ROUTING_ATTEMPTS,
    );
  }

  async process(job: Job<OutboxJob>): Promise<{ moved: number }> {
    const policy = await this.policies.byId(this.aggregateIdOf(job));
    if (!policy) throw new UnrecoverableError('SLA policy not found');
    let moved = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.policies.clocksBehind(policy, after, BATCH);
      for (const clock of batch) {
        const done = await this.changes.change({ system: true }, clock.applicationId, undefined, async (ctx) => {
          // Re-read both under the application's lock: a later change's job may be moving the same clocks, and
          // whichever runs last must leave them on the policy as it is now, never as this job first read it.
          const current = await this.policies.byId(policy.id, ctx.manager);
          return !!current && (await this.policies.isBehind(ctx.manager, clock.id, current)) && this.deadlines.reterm(ctx, clock.id, current);
        });
        if (done) moved++;
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].id;
    }
    return { moved };
  }
}
