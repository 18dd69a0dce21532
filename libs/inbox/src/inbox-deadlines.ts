import { BusinessCalendar, ClockKind, SlaClock, SlaClocksRepository, SlaState, StoredSlaClock } from '@petitio/sla';
import { EntityManager } from 'typeorm';

/**
 * Where an inbox line stands against its governing deadline. The escalation fields cover every open clock,
 * so a line the escalated=center filter returns always shows centerEscalated.
 */
export interface InboxSla {
  kind: ClockKind;
  state: SlaState;
  /** Time left (negative once breached): working minutes, or real minutes for calendar-day clocks (see measure). */
  minutesLeft: number;
  measure: 'working_minutes' | 'calendar_minutes';
  /** Null while paused: the deadline is set again, from the time left, when the clock resumes. */
  deadline: Date | null;
  paused: boolean;
  /** Highest rung of the escalation ladder any open clock reached in its current run; 0 before any step fired. */
  escalationLevel: number;
  /** In the center's supervision queue: an open clock's ladder reached the center. */
  centerEscalated: boolean;
}

/**
 * The open clocks of a page of applications in one query (sla_clocks_one_open_per_kind_idx serves
 * `application_id = ANY(…) AND stopped_at IS NULL`), reduced to each application's governing one.
 */
export async function governingDeadlines(
  clocks: SlaClocksRepository,
  manager: EntityManager,
  applicationIds: string[],
  now: Date,
  calendar: BusinessCalendar,
): Promise<Map<string, InboxSla>> {
  const result = new Map<string, InboxSla>();
  if (applicationIds.length === 0) return result;
  const rows = await clocks.openClocksOf(manager, applicationIds);
  const byApplication = new Map<string, StoredSlaClock[]>();
  for (const row of rows) {
    byApplication.set(row.applicationId, [...(byApplication.get(row.applicationId) ?? []), row]);
  }
  for (const [applicationId, clocks] of byApplication) result.set(applicationId, slaOf(clocks, now, calendar)!);
  return result;
}

/** The SLA state of an application from its open clocks; null when none is open. */
export function slaOf(openClocks: SlaClock[], now: Date, calendar: BusinessCalendar): InboxSla | null {
  if (openClocks.length === 0) return null;
  const clock = governing(openClocks);
  const state = SlaClock.state(clock, now, calendar);
  return {
    kind: clock.kind,
    state: state.state,
    minutesLeft: state.minutesLeft,
    measure: state.measure,
    deadline: clock.pausedAt ? null : clock.deadlineAt,
    paused: state.paused,
    escalationLevel: Math.max(...openClocks.map((c) => c.escalationLevel)),
    centerEscalated: openClocks.some((c) => c.centerEscalatedAt != null),
  };
}

/**
 * The running clock with the earliest deadline: a paused clock cannot breach while the citizen is asked, so it
 * governs only when every open clock is paused (then the one with the least time left).
 */
export function governing<C extends Pick<SlaClock, 'kind' | 'deadlineAt' | 'pausedAt' | 'remainingMinutes'>>(clocks: C[]): C {
  const running = clocks.filter((c) => !c.pausedAt);
  const pool = running.length ? running : clocks;
  const due = (c: C) => (running.length ? new Date(c.deadlineAt).getTime() : (c.remainingMinutes ?? 0));
  return pool.reduce((best, c) => (due(c) < due(best) || (due(c) === due(best) && c.kind < best.kind) ? c : best));
}
