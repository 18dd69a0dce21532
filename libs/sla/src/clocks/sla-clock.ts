import { ConflictError, InvalidInputError } from '@petitio/platform';
import type { BusinessCalendar, DeadlineUnit } from '../calendar/business-calendar';
import { EscalationLadder, EscalationProgress, NO_ESCALATION } from '../escalation/escalation-ladder';
import type { ClockKind, SlaClockTerms, SlaPolicy } from './sla-policy';

const MINUTE = 60_000;

/**
 * One deadline an application runs against, as plain data. Every function below is pure: it takes the instant
 * and the calendar and returns a new clock; each change bumps deadlineVersion so stale timers can tell, and
 * plans the next step of the escalation ladder.
 */
export interface SlaClock extends EscalationProgress {
  policyId: string;
  kind: ClockKind;
  terms: SlaClockTerms;
  startedAt: Date;
  deadlineAt: Date;
  /** The whole budget in the clock's measure (working minutes, or real minutes for calendar days). */
  totalMinutes: number;
  pausedAt: Date | null;
  /** Set while paused: time left in the clock's measure. */
  remainingMinutes: number | null;
  extended: boolean;
  extensionReason: string | null;
  stoppedAt: Date | null;
  deadlineVersion: number;
  breachedAt: Date | null;
}

export type SlaState = 'on_track' | 'at_risk' | 'breached';

export interface SlaClockState {
  state: SlaState;
  paused: boolean;
  /** Time left (negative once breached), in working minutes, or real minutes for calendar-day clocks. */
  minutesLeft: number;
  measure: 'working_minutes' | 'calendar_minutes';
  /** Share of the budget used, 0…1+. */
  shareUsed: number;
}

function start(policy: SlaPolicy, at: Date, calendar: BusinessCalendar): SlaClock {
  const terms = termsOf(policy);
  const deadlineAt = calendar.add(at, terms.period);
  return EscalationLadder.plan(
    {
      ...NO_ESCALATION,
      policyId: policy.id,
      kind: policy.kind,
      terms,
      startedAt: at,
      deadlineAt,
      totalMinutes: measure(terms.period.unit, at, deadlineAt, calendar),
      pausedAt: null,
      remainingMinutes: null,
      extended: false,
      extensionReason: null,
      stoppedAt: null,
      deadlineVersion: 1,
      breachedAt: null,
    },
    calendar,
  );
}

/** Stops the clock keeping the time left: working minutes for working units, real minutes for calendar days. */
function pause(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  assertOpen(clock);
  if (clock.pausedAt) throw new ConflictError('SLA_CLOCK_PAUSED');
  // Paused after its deadline, a clock resumes already due rather than with negative time.
  const remainingMinutes = Math.max(0, measure(clock.terms.period.unit, at, clock.deadlineAt, calendar));
  return { ...clock, pausedAt: at, remainingMinutes, deadlineVersion: clock.deadlineVersion + 1, nextEscalationStep: null, nextEscalationAt: null };
}

/** Continues with the time left at the pause; the deadline is recomputed from `at`. */
function resume(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  assertOpen(clock);
  if (!clock.pausedAt || clock.remainingMinutes == null) throw new ConflictError('SLA_CLOCK_NOT_PAUSED');
  const deadlineAt =
    clock.terms.period.unit === 'calendar_days'
      ? calendarDeadline(at, clock.remainingMinutes, calendar)
      : calendar.addWorkingMinutes(at, clock.remainingMinutes);
  return EscalationLadder.plan({ ...clock, deadlineAt, pausedAt: null, remainingMinutes: null, deadlineVersion: clock.deadlineVersion + 1 }, calendar);
}

/** The full period begins again from `at` under the policy's current terms (Brazil, Law 13.460: the citizen replied). */
function restart(clock: SlaClock, policy: SlaPolicy, at: Date, calendar: BusinessCalendar): SlaClock {
  assertOpen(clock);
  const fresh = start(policy, at, calendar);
  return { ...fresh, breachedAt: null, deadlineVersion: clock.deadlineVersion + 1, escalationRun: clock.escalationRun + 1 };
}

/** Adds the policy's extension once, with a reason; when notice is required, only before the deadline. */
function extend(clock: SlaClock, at: Date, reason: string, calendar: BusinessCalendar): SlaClock {
  assertOpen(clock);
  const why = reason?.trim() ?? '';
  if (!why) throw new InvalidInputError([{ field: 'reason', code: 'required' }]);
  const extension = clock.terms.extension;
  if (!extension) throw new ConflictError('SLA_EXTENSION_NOT_ALLOWED');
  if (clock.extended) throw new ConflictError('SLA_EXTENSION_USED');
  if (clock.pausedAt) throw new ConflictError('SLA_CLOCK_PAUSED');
  if (clock.terms.requiresNoticeBeforeDeadline && at.getTime() >= clock.deadlineAt.getTime()) {
    throw new ConflictError('SLA_EXTENSION_TOO_LATE');
  }
  const deadlineAt = calendar.add(clock.deadlineAt, extension);
  const added = measure(clock.terms.period.unit, clock.deadlineAt, deadlineAt, calendar);
  const extended = {
    ...clock,
    deadlineAt,
    totalMinutes: clock.totalMinutes + added,
    extended: true,
    extensionReason: why,
    deadlineVersion: clock.deadlineVersion + 1,
  };
  return EscalationLadder.newRunKeepingPassed(extended, at, calendar);
}

/**
 * An open clock put under a changed policy, when the admin asks for open deadlines to follow: the share of
 * the time already used is kept (so a change of unit works too), and the rest runs under the new terms.
 */
function reterm(clock: SlaClock, policy: SlaPolicy, at: Date, calendar: BusinessCalendar): SlaClock {
  assertOpen(clock);
  const terms = termsOf(policy);
  const oldBase = measure(clock.terms.period.unit, clock.startedAt, calendar.add(clock.startedAt, clock.terms.period), calendar);
  const base = measure(terms.period.unit, clock.startedAt, calendar.add(clock.startedAt, terms.period), calendar);
  // An extension already granted stays granted, in the new measure.
  const totalMinutes = clock.extended && oldBase > 0 ? (base * clock.totalMinutes) / oldBase : base;
  const used = clock.totalMinutes > 0 ? 1 - state(clock, at, calendar).minutesLeft / clock.totalMinutes : 1;
  const left = totalMinutes * (1 - used);
  const moved = { ...clock, policyId: policy.id, terms, totalMinutes, deadlineVersion: clock.deadlineVersion + 1 };
  if (clock.pausedAt) {
    // The deadline waits for the resume, so what is used decides: a warning once its share is, the breach at 100%.
    const firedUpTo = EscalationLadder.firedRank(clock, calendar);
    const passed = [...terms.warningShares, 1].filter((share) => share <= used && share <= firedUpTo).length - 1;
    return { ...moved, remainingMinutes: Math.max(0, left), escalationRun: clock.escalationRun + 1, lastEscalationStep: passed >= 0 ? passed : null };
  }
  const deadlineAt =
    terms.period.unit === 'calendar_days'
      ? left >= 0
        ? calendarDeadline(at, left, calendar)
        : new Date(at.getTime() + left * MINUTE)
      : left >= 0
        ? calendar.addWorkingMinutes(at, left)
        : calendar.subtractWorkingMinutes(at, -left);
  return EscalationLadder.newRunKeepingPassed({ ...moved, deadlineAt }, at, calendar, clock);
}

/** The clock's job is done (answered, closed, or the first response given). */
function stop(clock: SlaClock, at: Date): SlaClock {
  assertOpen(clock);
  return { ...clock, stoppedAt: at, deadlineVersion: clock.deadlineVersion + 1, nextEscalationStep: null, nextEscalationAt: null };
}

/** On track, at risk (past the last warning share) or breached (deadline reached), with the time left. */
function state(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClockState {
  const unit = clock.terms.period.unit;
  const paused = clock.pausedAt != null;
  const until = clock.stoppedAt ?? now;
  const minutesLeft = paused ? clock.remainingMinutes! : measure(unit, until, clock.deadlineAt, calendar);
  const shareUsed = clock.totalMinutes > 0 ? 1 - minutesLeft / clock.totalMinutes : 1;
  const lastWarning = clock.terms.warningShares[clock.terms.warningShares.length - 1] ?? 1;
  const breached = paused ? minutesLeft <= 0 : until.getTime() >= clock.deadlineAt.getTime();
  return {
    state: breached ? 'breached' : shareUsed >= lastWarning ? 'at_risk' : 'on_track',
    paused,
    minutesLeft,
    measure: unit === 'calendar_days' ? 'calendar_minutes' : 'working_minutes',
    shareUsed,
  };
}

/** The pure SLA clock model: `SlaClock.start(policy, at, calendar)`, then pause, resume, restart, extend, reterm, stop, state. */
export const SlaClock = { start, pause, resume, restart, extend, reterm, stop, state };

function termsOf(policy: SlaPolicy): SlaClockTerms {
  return {
    period: { ...policy.period },
    onAwaitingCitizen: policy.onAwaitingCitizen,
    onTransfer: policy.onTransfer,
    extension: policy.extension ? { ...policy.extension } : null,
    requiresNoticeBeforeDeadline: policy.requiresNoticeBeforeDeadline,
    warningShares: [...policy.warningShares].sort((a, b) => a - b),
    ladder: policy.ladder.map((rung) => [...rung]),
    reEscalation: policy.reEscalation ? { ...policy.reEscalation } : null,
    publicLateFlag: policy.publicLateFlag,
    notifyCitizenOnBreach: policy.notifyCitizenOnBreach,
    notifyCitizenOnExtension: policy.notifyCitizenOnExtension,
  };
}

function measure(unit: DeadlineUnit, from: Date, to: Date, calendar: BusinessCalendar): number {
  return unit === 'calendar_days' ? (to.getTime() - from.getTime()) / MINUTE : calendar.workingMinutesBetween(from, to);
}

/** A calendar-day deadline resumed: the real time left, and like any such period it runs on past a day off. */
function calendarDeadline(at: Date, remainingMinutes: number, calendar: BusinessCalendar): Date {
  const due = new Date(at.getTime() + remainingMinutes * MINUTE);
  if (calendar.isFullWorkingDay(calendar.localDateOf(due))) return due;
  // add(…, 1 calendar day) from the day before gives the close of business of the next full working day.
  return calendar.add(new Date(due.getTime() - 24 * 60 * MINUTE), { amount: 1, unit: 'calendar_days' });
}

function assertOpen(clock: SlaClock): void {
  if (clock.stoppedAt) throw new ConflictError('SLA_CLOCK_STOPPED');
}
