import { Injectable } from '@nestjs/common';
import { BusinessCalendarProvider, ClockKind, SlaClock, SlaClocksRepository, SlaPolicies, SlaPolicy, StoredSlaClock } from '@petitio/sla';
import { OPEN_STATUSES } from '../application-status';
import type { ChangeContext } from './application-changes';

/** History kinds of clock changes; the citizen sees them on the status page. */
export const CLOCK_EVENT_KINDS = ['deadline_set', 'clock_paused', 'clock_resumed', 'clock_restarted', 'clock_stopped'] as const;
type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];

/**
 * Drives an application's SLA clocks from its life, inside the change that causes each step: routing
 * starts them, waiting for the citizen pauses or restarts them as their terms say, the reply resumes
 * them, the first response and the answer stop them. Every step writes a history line.
 */
@Injectable()
export class ApplicationDeadlines {
  constructor(
    private readonly clocks: SlaClocksRepository,
    private readonly policies: SlaPolicies,
    private readonly calendars: BusinessCalendarProvider,
  ) {}

  /**
   * Starts, from the moment the application reached its agency, each clock the policies give it that is
   * not already running: safe to repeat. No first-response clock once an officer already has it.
   */
  async onRouted(ctx: ChangeContext): Promise<void> {
    const { app } = ctx;
    if (app.status === 'received' || !OPEN_STATUSES.includes(app.status)) return;
    const open = new Set((await this.clocks.openClocks(ctx.manager, app.id)).map((c) => c.kind));
    const wanted: ClockKind[] = ['answer'];
    if (!app.assignedOfficerId) wanted.push('first_response');
    // Only the type says today that an application asks for information; Law 4982 then runs its own clock.
    if (app.type === 'information_request') wanted.push('information');
    const missing = wanted.filter((kind) => !open.has(kind));
    if (missing.length === 0) return;
    const [row]: { topicId: string | null; arrivedAt: Date | null }[] = await ctx.manager.query(
      `SELECT a.topic_id AS "topicId",
         (SELECT max(e.occurred_at) FROM application_events e WHERE e.application_id = a.id AND e.kind IN ('routed', 'transferred')) AS "arrivedAt"
       FROM applications a WHERE a.id = $1`,
      [app.id],
    );
    // The worker may run a little after routing; the period counts from the routing itself.
    const since = row.arrivedAt ?? ctx.now;
    const calendar = await this.calendars.calendar();
    for (const kind of missing) {
      const policy = await this.policies.policyFor(app.type, row.topicId, app.assignedAgencyId, kind, ctx.manager);
      if (!policy) continue;
      const clock = await this.clocks.insert(ctx.manager, app.id, SlaClock.start(policy, since, calendar), ctx.now);
      await this.note(ctx, 'deadline_set', clock, 'routed');
    }
    // The agency may already have asked the citizen before this ran: the new clocks wait with the others.
    if (app.status === 'awaiting_citizen') await this.onAwaitingCitizen(ctx);
  }

  /** The agency asked the citizen: each clock pauses, or waits to restart, or keeps running, as its terms say. */
  async onAwaitingCitizen(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.pausedAt || clock.terms.onAwaitingCitizen === 'continue') continue;
      await this.save(ctx, 'clock_paused', { ...clock, ...SlaClock.pause(clock, ctx.now, calendar) }, 'information_requested');
    }
  }

  /** The citizen replied: paused clocks go on with the time they had left, or start over where the terms say restart. */
  async onCitizenReplied(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (!clock.pausedAt) continue;
      if (clock.terms.onAwaitingCitizen === 'restart') {
        await this.save(ctx, 'clock_restarted', { ...clock, ...SlaClock.restart(clock, ownTerms(clock), ctx.now, calendar) }, 'citizen_replied');
      } else {
        await this.save(ctx, 'clock_resumed', { ...clock, ...SlaClock.resume(clock, ctx.now, calendar) }, 'citizen_replied');
      }
    }
  }

  /** A transfer keeps each deadline unless its terms say the new agency gets the full period again. */
  async onTransferred(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.terms.onTransfer !== 'restart') continue;
      await this.save(ctx, 'clock_restarted', { ...clock, ...SlaClock.restart(clock, ownTerms(clock), ctx.now, calendar) }, 'transferred');
    }
  }

  /** An officer took the application or answered it: the first-response clock has done its job. */
  async onFirstResponse(ctx: ChangeContext): Promise<void> {
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.kind === 'first_response') await this.save(ctx, 'clock_stopped', { ...clock, ...SlaClock.stop(clock, ctx.now) }, 'first_response');
    }
  }

  /** Answered, closed or rejected: nothing is owed any more, so every clock stops. */
  async onConcluded(ctx: ChangeContext): Promise<void> {
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      await this.save(ctx, 'clock_stopped', { ...clock, ...SlaClock.stop(clock, ctx.now) }, ctx.app.status);
    }
  }

  private async save(ctx: ChangeContext, kind: ClockEventKind, clock: StoredSlaClock, reason: string): Promise<void> {
    await this.clocks.update(ctx.manager, clock);
    await this.note(ctx, kind, clock, reason);
  }

  /**
   * A history line without a version bump: a clock moving is no edit a staff user could conflict with,
   * and bumping would make their next change stale for a step they never saw.
   */
  private async note(ctx: ChangeContext, kind: ClockEventKind, clock: StoredSlaClock, reason: string): Promise<void> {
    const data = {
      kind: clock.kind,
      deadline: clock.pausedAt || clock.stoppedAt ? null : clock.deadlineAt,
      reason,
      ...(clock.pausedAt ? { remainingMinutes: clock.remainingMinutes } : {}),
    };
    await ctx.manager.query(
      `INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ctx.app.id, ctx.now, kind, ctx.actor.type, ctx.actor.id ?? null, JSON.stringify(data)],
    );
  }
}

/** A restart under the terms the clock already runs on: editing the policy since then moves nothing. */
function ownTerms(clock: StoredSlaClock): SlaPolicy {
  return { ...clock.terms, id: clock.policyId, kind: clock.kind, code: '', applicationType: null, topicId: null, agencyId: null, legalBasis: '', active: true };
}
