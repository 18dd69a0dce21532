import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@petitio/platform';
import { BusinessCalendarProvider, ClockKind, EscalationTimers, SlaClock, SlaClocksRepository, SlaPolicies, SlaPolicy, StoredSlaClock } from '@petitio/sla';
import { ClockEventKind } from '@petitio/applications';
import { OPEN_STATUSES } from '@petitio/applications';
import type { ChangeContext } from './application-changes';

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
    private readonly timers: EscalationTimers,
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
    await this.start(ctx, missing, row.topicId, row.arrivedAt ?? ctx.now, 'routed');
    // The agency may already have asked the citizen before this ran: the new clocks wait with the others.
    if (app.status === 'awaiting_citizen') await this.onAwaitingCitizen(ctx);
  }

  /**
   * The citizen appealed (or rated the answer poorly) and the application is open again: the agency owes a
   * new answer, so the answer clocks start afresh from now. Clocks still open are left as they are.
   */
  async onReopened(ctx: ChangeContext): Promise<void> {
    const open = new Set((await this.clocks.openClocks(ctx.manager, ctx.app.id)).map((c) => c.kind));
    const wanted: ClockKind[] = ctx.app.type === 'information_request' ? ['answer', 'information'] : ['answer'];
    await this.start(
      ctx,
      wanted.filter((kind) => !open.has(kind)),
      await this.topicOf(ctx),
      ctx.now,
      'appeal_opened',
    );
  }

  /**
   * Staff found that the application also asks for information (a petition that wants a document, say):
   * Law 4982's clock starts now beside the others, and waits with them if the citizen is being asked.
   */
  async startInformationClock(ctx: ChangeContext): Promise<StoredSlaClock> {
    const open = await this.clocks.openClocks(ctx.manager, ctx.app.id);
    if (open.some((c) => c.kind === 'information')) throw new ConflictError('SLA_CLOCK_RUNNING');
    if (ctx.app.status === 'received' || !OPEN_STATUSES.includes(ctx.app.status)) {
      throw new ConflictError('SLA_CLOCK_NOT_ALLOWED', { args: { status: ctx.app.status } });
    }
    const [started] = await this.start(ctx, ['information'], await this.topicOf(ctx), ctx.now, 'asks_for_information');
    if (!started) throw new ConflictError('SLA_POLICY_NOT_FOUND');
    if (ctx.app.status !== 'awaiting_citizen') return started;
    await this.onAwaitingCitizen(ctx);
    return (await this.clocks.openClocks(ctx.manager, ctx.app.id)).find((c) => c.id === started.id)!;
  }

  /**
   * Extends the clock of `kind` once, by its policy's extension, with a reason (Law 4982 Art. 11: only if the
   * citizen is told before the deadline, which the caller does in the same change). Returns the clock as extended.
   */
  async extend(ctx: ChangeContext, kind: ClockKind, reason: string): Promise<StoredSlaClock> {
    const clock = (await this.clocks.openClocks(ctx.manager, ctx.app.id)).find((c) => c.kind === kind);
    if (!clock) throw new NotFoundError('SLA_CLOCK_NOT_FOUND', { sentence: 'SLA_CLOCK_NOT_FOUND:kind', args: { kind } });
    const extended = { ...clock, ...SlaClock.extend(clock, ctx.now, reason, await this.calendars.calendar()) };
    await this.save(ctx, 'deadline_extended', clock, extended, reason);
    return extended;
  }

  /** Puts an open clock under its policy's new terms (an admin asked open deadlines to follow a change). */
  async reterm(ctx: ChangeContext, clockId: string, policy: SlaPolicy): Promise<boolean> {
    const clock = (await this.clocks.openClocks(ctx.manager, ctx.app.id)).find((c) => c.id === clockId);
    if (!clock || clock.policyId !== policy.id) return false;
    const moved = { ...clock, ...SlaClock.reterm(clock, policy, ctx.now, await this.calendars.calendar()) };
    await this.save(ctx, 'deadline_changed', clock, moved, 'policy_changed');
    return true;
  }

  /** The agency asked the citizen: each clock pauses, or waits to restart, or keeps running, as its terms say. */
  async onAwaitingCitizen(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.pausedAt || clock.terms.onAwaitingCitizen === 'continue') continue;
      await this.save(ctx, 'clock_paused', clock, { ...clock, ...SlaClock.pause(clock, ctx.now, calendar) }, 'information_requested');
    }
  }

  /** The citizen replied: paused clocks go on with the time they had left, or start over where the terms say restart. */
  async onCitizenReplied(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (!clock.pausedAt) continue;
      if (clock.terms.onAwaitingCitizen === 'restart') {
        await this.save(ctx, 'clock_restarted', clock, { ...clock, ...SlaClock.restart(clock, ownTerms(clock), ctx.now, calendar) }, 'citizen_replied');
      } else {
        await this.save(ctx, 'clock_resumed', clock, { ...clock, ...SlaClock.resume(clock, ctx.now, calendar) }, 'citizen_replied');
      }
    }
  }

  /** A transfer keeps each deadline unless its terms say the new agency gets the full period again. */
  async onTransferred(ctx: ChangeContext): Promise<void> {
    const calendar = await this.calendars.calendar();
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.terms.onTransfer !== 'restart') continue;
      await this.save(ctx, 'clock_restarted', clock, { ...clock, ...SlaClock.restart(clock, ownTerms(clock), ctx.now, calendar) }, 'transferred');
    }
  }

  /** An officer took the application or answered it: the first-response clock has done its job. */
  async onFirstResponse(ctx: ChangeContext): Promise<void> {
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      if (clock.kind === 'first_response') await this.save(ctx, 'clock_stopped', clock, { ...clock, ...SlaClock.stop(clock, ctx.now) }, 'first_response');
    }
  }

  /** Answered, closed, rejected or merged into another: nothing is owed any more, so every clock stops. */
  async onConcluded(ctx: ChangeContext, reason: string = ctx.app.status): Promise<void> {
    for (const clock of await this.clocks.openClocks(ctx.manager, ctx.app.id)) {
      await this.save(ctx, 'clock_stopped', clock, { ...clock, ...SlaClock.stop(clock, ctx.now) }, reason);
    }
  }

  private async topicOf(ctx: ChangeContext): Promise<string | null> {
    const [row]: { topicId: string | null }[] = await ctx.manager.query('SELECT topic_id AS "topicId" FROM applications WHERE id = $1', [ctx.app.id]);
    return row.topicId;
  }

  /** Starts a clock of each kind a policy gives the application; returns those started. */
  private async start(ctx: ChangeContext, kinds: ClockKind[], topicId: string | null, since: Date, reason: string): Promise<StoredSlaClock[]> {
    const started: StoredSlaClock[] = [];
    if (kinds.length === 0) return started;
    const calendar = await this.calendars.calendar();
    for (const kind of kinds) {
      const policy = await this.policies.policyFor(ctx.app.type, topicId, ctx.app.assignedAgencyId, kind, ctx.manager);
      if (!policy) continue;
      const clock = await this.clocks.insert(ctx.manager, ctx.app.id, SlaClock.start(policy, since, calendar), ctx.now);
      await this.timers.schedule(ctx.manager, clock);
      await this.note(ctx, 'deadline_set', clock, reason);
      started.push(clock);
    }
    return started;
  }

  /** Saves a clock that moved, resets its escalation timer, and writes the history line. */
  private async save(ctx: ChangeContext, kind: ClockEventKind, before: StoredSlaClock, after: StoredSlaClock, reason: string): Promise<void> {
    await this.clocks.update(ctx.manager, after);
    await this.timers.schedule(ctx.manager, after, before);
    await this.note(ctx, kind, after, reason);
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
      ...(kind === 'deadline_extended' ? { extended: true } : {}),
    };
    await ctx.manager.query(`INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, data) VALUES ($1, $2, $3, $4, $5, $6)`, [
      ctx.app.id,
      ctx.now,
      kind,
      ctx.actor.type,
      ctx.actor.id ?? null,
      JSON.stringify(data),
    ]);
  }
}

/** A restart under the terms the clock already runs on: editing the policy since then moves nothing. */
function ownTerms(clock: StoredSlaClock): SlaPolicy {
  return { ...clock.terms, id: clock.policyId, kind: clock.kind, code: '', applicationType: null, topicId: null, agencyId: null, legalBasis: '', active: true };
}
