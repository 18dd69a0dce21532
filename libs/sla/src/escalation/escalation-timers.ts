import { Injectable } from '@nestjs/common';
import { OutboxTopic, OutboxWriter } from '@petitio/platform';
import { EntityManager } from 'typeorm';
import type { StoredSlaClock } from '../clocks/sla-clocks.repository';

/** What a timer job carries: the clock, and the run, deadline version and step it was set for. */
export interface EscalationTimer {
  applicationId: string;
  run: number;
  version: number;
  step: number;
  dueAt: string;
}

/**
 * The job id of a clock's timer: a new deadline, step or due time (a step planned again under a changed calendar)
 * gives a new id, so BullMQ never mistakes one timer for another.
 */
export function escalationTimerJobId(clockId: string, t: Pick<EscalationTimer, 'run' | 'version' | 'step' | 'dueAt'>): string {
  return `escalation-${clockId}-${t.run}-${t.version}-${t.step}-${Date.parse(t.dueAt)}`;
}

/**
 * Sets a clock's next escalation step as a delayed job, through the outbox in the caller's transaction:
 * the timer exists if and only if the change that planned it was committed. The job set for the clock as
 * it was before the change (if any) is removed by the relay; one that still fires finds itself stale.
 */
@Injectable()
export class EscalationTimers {
  constructor(private readonly outbox: OutboxWriter) {}

  async schedule(manager: EntityManager, clock: StoredSlaClock, before?: StoredSlaClock): Promise<void> {
    const replaces = before?.nextEscalationStep != null ? escalationTimerJobId(before.id, timerOf(before)) : undefined;
    if (clock.nextEscalationStep == null || clock.nextEscalationAt == null) {
      if (replaces) await this.outbox.append(manager, [{ topic: OutboxTopic.SlaEscalationDue, aggregateId: clock.id, payload: { cancelled: true, replaces } }]);
      return;
    }
    const timer = timerOf(clock);
    if (before && replaces === escalationTimerJobId(clock.id, timer)) return;
    await this.outbox.append(manager, [
      { topic: OutboxTopic.SlaEscalationDue, aggregateId: clock.id, payload: { ...timer, ...(replaces ? { replaces } : {}) } },
    ]);
  }
}

function timerOf(clock: StoredSlaClock): EscalationTimer {
  return {
    applicationId: clock.applicationId,
    run: clock.escalationRun,
    version: clock.deadlineVersion,
    step: clock.nextEscalationStep!,
    dueAt: clock.nextEscalationAt ? new Date(clock.nextEscalationAt).toISOString() : '',
  };
}
