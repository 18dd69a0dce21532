import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { NotificationsService } from '@petitio/notifications';
import {
  BusinessCalendarProvider,
  EscalationLadder,
  EscalationStep,
  EscalationTimer,
  EscalationTimers,
  SlaClocksRepository,
  StoredSlaClock,
} from '@petitio/sla';
import { DataSource } from 'typeorm';
import { ESCALATION_EVENT_KINDS } from '@petitio/applications';
import { formatTrackingNumber } from '@petitio/applications';
import { ApplicationChanges, ChangeContext } from './application-changes';
import { CitizenNotices } from './citizen-notices';
import { EscalationRecipients } from './escalation-recipients';

export type EscalationOutcome = 'fired' | 'stale' | 'not_due';
export type EscalationSource = 'timer' | 'sweeper';

/**
 * Fires the escalation ladder's steps: a warning to the officer as a deadline nears, the supervisors at the
 * breach, the parent agency and the center after it. A step fires from its timer or, when Redis lost the
 * timer, from the sweeper; under the application's lock and a unique row per step, exactly once either way.
 */
@Injectable()
export class DeadlineEscalations {
  private readonly logger = new Logger(DeadlineEscalations.name);

  constructor(
    private readonly changes: ApplicationChanges,
    private readonly clocks: SlaClocksRepository,
    private readonly calendars: BusinessCalendarProvider,
    private readonly timers: EscalationTimers,
    private readonly recipients: EscalationRecipients,
    private readonly notifications: NotificationsService,
    private readonly notices: CitizenNotices,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A timer went off: it escalates only if it is still the clock's next step for the same deadline. */
  onTimer(clockId: string, timer: Pick<EscalationTimer, 'applicationId' | 'run' | 'version' | 'step'>): Promise<EscalationOutcome> {
    return this.fire(timer.applicationId, clockId, timer, 'timer');
  }

  /**
   * The safety net: fires each step overdue by more than `graceMs` whose timer never came (at most `limit`,
   * most overdue first). Returns how many fired.
   */
  async sweep(graceMs: number, limit: number): Promise<number> {
    const before = new Date(this.clock.now().getTime() - graceMs);
    const due = await this.clocks.dueForEscalation(this.dataSource.manager, before, limit);
    let fired = 0;
    for (const { id, applicationId } of due) {
      // One clock that cannot escalate (a lock timeout, a calendar it cannot plan) must not hold back those behind it.
      try {
        if ((await this.fire(applicationId, id, undefined, 'sweeper')) === 'fired') fired++;
      } catch (error) {
        this.logger.warn({ msg: 'could not escalate a clock; the next sweep tries again', clockId: id, err: error instanceof Error ? error.name : 'error' });
      }
    }
    return fired;
  }

  private fire(
    applicationId: string,
    clockId: string,
    expected: Pick<EscalationTimer, 'run' | 'version' | 'step'> | undefined,
    source: EscalationSource,
  ): Promise<EscalationOutcome> {
    return this.changes.change({ system: true }, applicationId, undefined, async (ctx) => {
      const clock = await this.clocks.lockedClock(ctx.manager, clockId);
      if (!clock || clock.applicationId !== applicationId || clock.stoppedAt || clock.pausedAt) return 'stale';
      if (expected && (clock.escalationRun !== expected.run || clock.deadlineVersion !== expected.version || clock.nextEscalationStep !== expected.step))
        return 'stale';
      const calendar = await this.calendars.calendar();
      const step = EscalationLadder.dueStep(clock, ctx.now, calendar);
      if (!step) {
        // Planned under another calendar (a closure added since): plan again so the sweeper stops finding it.
        const replanned: StoredSlaClock = { ...clock, ...EscalationLadder.plan(clock, calendar) };
        if (replanned.nextEscalationAt?.getTime() !== clock.nextEscalationAt?.getTime()) {
          await this.clocks.update(ctx.manager, replanned);
          await this.timers.schedule(ctx.manager, replanned, clock);
        }
        return 'not_due';
      }
      const recorded: unknown[] = await ctx.manager.query(
        `INSERT INTO sla_escalations (clock_id, application_id, run, step, step_kind, level, share, due_at, fired_at, fired_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ON CONSTRAINT sla_escalations_once DO NOTHING RETURNING id`,
        [clock.id, applicationId, clock.escalationRun, step.ordinal, step.kind, step.level, step.share, step.dueAt, ctx.now, source],
      );
      if (recorded.length === 0) return 'stale';
      const after: StoredSlaClock = { ...clock, ...EscalationLadder.escalate(clock, step, ctx.now, calendar) };
      await this.clocks.update(ctx.manager, after);
      await this.timers.schedule(ctx.manager, after, clock);
      await this.note(ctx, clock, step);
      await this.alertStaff(ctx, clock, step);
      if (step.kind === 'breach' && clock.terms.notifyCitizenOnBreach && !(await this.citizenToldOfBreach(ctx, clock))) {
        await this.notices.send(ctx, {
          template: 'deadline_breached',
          kind: 'deadline_notice',
          params: { deadline: clock.deadlineAt.toISOString(), clockKind: clock.kind },
        });
      }
      return 'fired';
    });
  }

  /** An information request's answer and information clocks share one deadline: the citizen hears of it once. */
  private async citizenToldOfBreach(ctx: ChangeContext, clock: StoredSlaClock): Promise<boolean> {
    const rows: unknown[] = await ctx.manager.query(
      `SELECT 1 FROM outgoing_messages WHERE application_id = $1 AND template = 'deadline_breached' AND params->>'deadline' = $2 LIMIT 1`,
      [ctx.app.id, clock.deadlineAt.toISOString()],
    );
    return rows.length > 0;
  }

  /** A history line without a version bump: an escalation is no edit a staff user could conflict with. */
  private async note(ctx: ChangeContext, clock: StoredSlaClock, step: EscalationStep): Promise<void> {
    const data = {
      kind: clock.kind,
      level: step.level,
      share: step.share,
      deadline: clock.deadlineAt,
      dueAt: step.dueAt,
      targets: step.targets,
      public: step.kind === 'breach' && clock.terms.publicLateFlag,
    };
    await ctx.manager.query(
      `INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, data) VALUES ($1, $2, $3, 'system', NULL, $4)`,
      [ctx.app.id, ctx.now, ESCALATION_EVENT_KINDS[step.kind], JSON.stringify(data)],
    );
  }

  private async alertStaff(ctx: ChangeContext, clock: StoredSlaClock, step: EscalationStep): Promise<void> {
    const recipients = await this.recipients.resolve(ctx.manager, ctx.app.assignedAgencyId, ctx.app.assignedOfficerId, step.targets);
    await this.notifications.request(
      ctx.manager,
      recipients.map((r) => ({
        channel: 'email' as const,
        recipient: r.email,
        template: 'deadline_escalation' as const,
        language: r.language,
        applicationId: ctx.app.id,
        staffUserId: r.staffUserId,
        params: {
          trackingNumber: formatTrackingNumber(ctx.app.trackingNumber),
          applicationId: ctx.app.id,
          clockKind: clock.kind,
          stepKind: step.kind,
          level: step.level,
          share: step.share,
          deadline: clock.deadlineAt.toISOString(),
        },
      })),
    );
  }
}
