import { Injectable } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { BusinessCalendar, BusinessCalendarProvider, ClockKind, SlaClock, SlaClocksRepository, SlaState } from '@petitio/sla';
import { DataSource } from 'typeorm';
import { InboxSla, slaOf } from './inbox-deadlines';

export interface DeadlineLine {
  kind: ClockKind;
  /** Null while paused: the deadline is set again, from the time left, when the clock resumes. */
  deadline: Date | null;
  state: SlaState;
  paused: boolean;
  stopped: boolean;
  /** Time left (negative once breached): working minutes, or real minutes for calendar-day clocks (see measure). */
  minutesLeft: number;
  measure: 'working_minutes' | 'calendar_minutes';
  deadlineVersion: number;
  /** Highest rung of the escalation ladder reached in the current run; 0 before any step fired. */
  escalationLevel: number;
  breachedAt: Date | null;
  extended: boolean;
  extensionReason: string | null;
  /** Staff may extend it now: its policy allows one, it was not used, and it runs (and, where notice is due, in time). */
  extendable: boolean;
  /** The ladder's steps fired on this clock, oldest first. */
  escalations: EscalationLine[];
}

export interface EscalationLine {
  stepKind: 'warning' | 'breach' | 're_escalation';
  level: number;
  /** Share of the time used when a warning fired; 1 for the breach; null for re-escalations. */
  share: number | null;
  dueAt: Date;
  firedAt: Date;
}

/** Asks the clock model itself, so the page offers an extension exactly when the action would take it. */
function extendable(clock: SlaClock, now: Date, calendar: BusinessCalendar): boolean {
  if (clock.stoppedAt) return false;
  try {
    SlaClock.extend(clock, now, 'check', calendar);
    return true;
  } catch {
    return false;
  }
}

/** The deadlines part of the staff detail: every clock the application ran, its state, and the escalations fired. */
@Injectable()
export class DeadlineDetails {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: SlaClocksRepository,
    private readonly calendars: BusinessCalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** The application's clocks, oldest first, and its governing open deadline as the inbox line shows it. */
  async of(applicationId: string): Promise<{ deadlines: DeadlineLine[]; sla: InboxSla | null }> {
    const [clocks, escalations, calendar] = await Promise.all([
      this.clocks.allClocks(this.dataSource.manager, applicationId),
      this.escalations(applicationId),
      this.calendars.calendar(),
    ]);
    const now = this.clock.now();
    const deadlines = clocks.map((c) => {
      const s = SlaClock.state(c, now, calendar);
      return {
        kind: c.kind,
        deadline: c.pausedAt ? null : c.deadlineAt,
        state: s.state,
        paused: s.paused,
        stopped: c.stoppedAt != null,
        minutesLeft: s.minutesLeft,
        measure: s.measure,
        deadlineVersion: c.deadlineVersion,
        escalationLevel: c.escalationLevel,
        breachedAt: c.breachedAt,
        extended: c.extended,
        extensionReason: c.extensionReason,
        extendable: extendable(c, now, calendar),
        escalations: escalations.filter((e) => e.clockId === c.id).map(({ clockId: _clock, ...line }) => line),
      };
    });
    return {
      deadlines,
      sla: slaOf(
        clocks.filter((c) => !c.stoppedAt),
        now,
        calendar,
      ),
    };
  }

  /** Every step fired on the application's clocks (sla_escalations_application_idx). */
  private async escalations(applicationId: string): Promise<(EscalationLine & { clockId: string })[]> {
    const rows: (Omit<EscalationLine, 'share'> & { clockId: string; share: string | null })[] = await this.dataSource.query(
      `SELECT clock_id AS "clockId", step_kind AS "stepKind", level, share, due_at AS "dueAt", fired_at AS "firedAt"
       FROM sla_escalations WHERE application_id = $1 ORDER BY fired_at, id`,
      [applicationId],
    );
    // numeric arrives from pg as text.
    return rows.map((r) => ({ ...r, share: r.share == null ? null : Number(r.share) }));
  }
}
