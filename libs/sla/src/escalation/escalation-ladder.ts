import type { BusinessCalendar } from '../calendar/business-calendar';
import type { EscalationTarget, SlaClockTerms } from '../clocks/sla-policy';

const MINUTE = 60_000;

export const ESCALATION_STEP_KINDS = ['warning', 'breach', 're_escalation'] as const;
export type EscalationStepKind = (typeof ESCALATION_STEP_KINDS)[number];

/** One step of a clock's ladder against its current deadline. Ordinals are stable within a run of the clock. */
export interface EscalationStep {
  ordinal: number;
  kind: EscalationStepKind;
  /** Share of the time used when a warning fires; 1 for the breach; null for re-escalations. */
  share: number | null;
  /** Rung of the ladder, 1-based. */
  level: number;
  targets: EscalationTarget[];
  dueAt: Date;
}

/** Where a clock stands on its ladder; saved with the clock. */
export interface EscalationProgress {
  /** A restart or an extension begins a new run, in which the ladder is climbed again. */
  escalationRun: number;
  lastEscalationStep: number | null;
  nextEscalationStep: number | null;
  nextEscalationAt: Date | null;
  escalationLevel: number;
  centerEscalatedAt: Date | null;
}

/** What the ladder needs of a clock: its terms, budget and deadline, and whether it is running. */
export interface LadderClock extends EscalationProgress {
  terms: SlaClockTerms;
  deadlineAt: Date;
  totalMinutes: number;
  pausedAt: Date | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
}

/**
 * Every step of the current run, in order: a warning at each share of the budget (rung 1), the breach at the
 * deadline (rung 2, or the top of a one-rung ladder), then one re-escalation per higher rung, each a
 * `reEscalation` period after the step before. Meaningful for a running clock, whose deadline is current.
 */
function steps(clock: LadderClock, calendar: BusinessCalendar): EscalationStep[] {
  const { ladder, reEscalation, warningShares } = clock.terms;
  const result: EscalationStep[] = warningShares.map((share, ordinal) => ({
    ordinal,
    kind: 'warning',
    share,
    level: 1,
    targets: ladder[0],
    dueAt: instantWithLeft(clock, (1 - share) * clock.totalMinutes, calendar),
  }));
  const breachLevel = Math.min(2, ladder.length);
  let dueAt = clock.deadlineAt;
  result.push({ ordinal: result.length, kind: 'breach', share: 1, level: breachLevel, targets: ladder[breachLevel - 1], dueAt });
  if (reEscalation) {
    for (let level = breachLevel + 1; level <= ladder.length; level++) {
      dueAt = calendar.add(dueAt, reEscalation);
      result.push({ ordinal: result.length, kind: 're_escalation', share: null, level, targets: ladder[level - 1], dueAt });
    }
  }
  return result;
}

/** The next step to wait for: the first after the last one fired; none while paused, once stopped, or at the top. */
function plan<C extends LadderClock>(clock: C, calendar: BusinessCalendar): C {
  const next = running(clock) ? steps(clock, calendar).find((s) => s.ordinal > (clock.lastEscalationStep ?? -1)) : undefined;
  return { ...clock, nextEscalationStep: next?.ordinal ?? null, nextEscalationAt: next?.dueAt ?? null };
}

/**
 * The step to fire at `now`: the highest one due and not yet fired. A timer or sweeper that comes late
 * fires the breach rather than three stale warnings before it.
 */
function dueStep(clock: LadderClock, now: Date, calendar: BusinessCalendar): EscalationStep | undefined {
  if (!running(clock)) return undefined;
  const after = clock.lastEscalationStep ?? -1;
  const due = steps(clock, calendar).filter((s) => s.ordinal > after && s.dueAt.getTime() <= now.getTime());
  // Never skip the breach: it records breachedAt and tells the citizen; the re-escalation follows at once.
  return due.find((s) => s.kind === 'breach') ?? due.pop();
}

/** Records that `step` fired at `at` and plans the next one. */
function escalate<C extends LadderClock>(clock: C, step: EscalationStep, at: Date, calendar: BusinessCalendar): C {
  return plan(
    {
      ...clock,
      lastEscalationStep: step.ordinal,
      escalationLevel: Math.max(clock.escalationLevel, step.level),
      centerEscalatedAt: step.targets.includes('center_queue') ? (clock.centerEscalatedAt ?? at) : clock.centerEscalatedAt,
      breachedAt: step.kind === 'breach' ? (clock.breachedAt ?? at) : clock.breachedAt,
    },
    calendar,
  );
}

/**
 * After the deadline moved later (an extension, a changed policy), a new run starts: steps not yet due
 * against the new deadline fire again, while those already due and already fired stay fired.
 */
function newRunKeepingPassed<C extends LadderClock>(clock: C, at: Date, calendar: BusinessCalendar, before: LadderClock = clock): C {
  const firedUpTo = firedRank(before, calendar);
  const passed = running(clock)
    ? steps(clock, calendar)
        .filter((s) => s.dueAt.getTime() <= at.getTime() && rank(s) <= firedUpTo)
        .pop()?.ordinal
    : undefined;
  return plan({ ...clock, escalationRun: clock.escalationRun + 1, lastEscalationStep: passed ?? null }, calendar);
}

/** Where a step stands on any ladder, so that fired steps carry over to terms that number them differently. */
function rank(step: Pick<EscalationStep, 'kind' | 'share' | 'level'>): number {
  return step.kind === 'warning' ? step.share! : step.kind === 'breach' ? 1 : 1 + step.level;
}

/** The rank of the last step fired (-1 when none). */
function firedRank(clock: LadderClock, calendar: BusinessCalendar): number {
  if (clock.lastEscalationStep == null) return -1;
  const last = steps(clock, calendar)[clock.lastEscalationStep];
  return last ? rank(last) : Infinity;
}

/** The pure escalation ladder of a clock: steps, plan, dueStep, escalate, newRunKeepingPassed. */
export const EscalationLadder = { steps, plan, dueStep, escalate, newRunKeepingPassed, firedRank };

export const NO_ESCALATION: EscalationProgress = {
  escalationRun: 1,
  lastEscalationStep: null,
  nextEscalationStep: null,
  nextEscalationAt: null,
  escalationLevel: 0,
  centerEscalatedAt: null,
};

function running(clock: LadderClock): boolean {
  return !clock.stoppedAt && !clock.pausedAt;
}

/** The instant at which `left` minutes of the budget remain (working minutes, or real ones for calendar days). */
function instantWithLeft(clock: LadderClock, left: number, calendar: BusinessCalendar): Date {
  if (clock.terms.period.unit === 'calendar_days') return new Date(clock.deadlineAt.getTime() - left * MINUTE);
  return calendar.subtractWorkingMinutes(clock.deadlineAt, Math.max(0, left));
}
