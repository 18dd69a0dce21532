import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { DeadlineEscalations } from '@petitio/casework';
import { ENVIRONMENT, Environment, Metrics, OUTAGE_AWARE_BACKOFF, OutboxSubscriptions, OutboxTopic, QueueName, WORKER_OPTIONS } from '@petitio/platform';
import { EscalationTimer, escalationTimerJobId } from '@petitio/sla';
import { Job, Queue } from 'bullmq';
import { OutboxJob, QueueWorker } from './queue-worker';

type TimerJob = OutboxJob & Partial<EscalationTimer> & { cancelled?: boolean; replaces?: string };

/** Timers of the escalation ladder: one delayed job per running clock, for its next warning, breach or re-escalation. */
@Processor(QueueName.Escalations, WORKER_OPTIONS)
export class EscalationsProcessor extends QueueWorker implements OnModuleInit {
  constructor(
    private readonly escalations: DeadlineEscalations,
    private readonly subscriptions: OutboxSubscriptions,
    metrics: Metrics,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Escalations) queue: Queue,
  ) {
    super(QueueName.Escalations, metrics, queue);
  }

  onModuleInit(): void {
    this.worker.concurrency = this.env.ESCALATION_CONCURRENCY;
    const payload = (event: { payload: Record<string, unknown> }) => event.payload as Partial<EscalationTimer> & { cancelled?: boolean; replaces?: string };
    this.subscriptions.subscribe({
      topic: OutboxTopic.SlaEscalationDue,
      queue: QueueName.Escalations,
      jobName: 'escalate',
      jobId: (event) => escalationTimerJobId(event.aggregateId, payload(event) as EscalationTimer),
      delayMs: (event) => Date.parse(payload(event).dueAt ?? '') - Date.now() || 0,
      replaces: (event) => payload(event).replaces,
      publishes: (event) => !payload(event).cancelled,
      options: {
        // A timer found early (clocks of two machines disagree) is retried; the sweeper stands behind it anyway.
        attempts: 5,
        backoff: { type: OUTAGE_AWARE_BACKOFF, delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  async process(job: Job<TimerJob>) {
    const clockId = this.aggregateIdOf(job);
    const { applicationId, run, version, step } = job.data;
    if (typeof applicationId !== 'string' || typeof run !== 'number' || typeof version !== 'number' || typeof step !== 'number') return 'malformed';
    const outcome = await this.onApplication(() => this.escalations.onTimer(clockId, { applicationId, run, version, step }));
    if (outcome === 'not_due') throw new Error('escalation step not due yet');
    if (outcome === 'fired') this.metrics.escalationsFired.inc({ fired_by: 'timer' });
    return outcome;
  }
}
