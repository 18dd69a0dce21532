import { at, local, policy, turkishCalendar } from '../testing/istanbul-fixtures';
import { EscalationLadder } from '../escalation/escalation-ladder';
import { SlaClock } from './sla-clock';

const calendar = turkishCalendar();

/** Fires the given steps in turn, each at its own due instant. */
function fired(clock: SlaClock, ordinals: number[]): SlaClock {
  return ordinals.reduce((c, ordinal) => {
    const step = EscalationLadder.steps(c, calendar)[ordinal];
    return EscalationLadder.escalate(c, step, step.dueAt, calendar);
  }, clock);
}

const fifteenDays = policy({ amount: 15, unit: 'working_days' }, { extension: { amount: 15, unit: 'working_days' } });
const thirtyDays = policy({ amount: 30, unit: 'working_days' });

/**
 * From Monday 5 January 08:30, 15 working days are 16 × 540 = 8640 minutes (the start's day counts in the
 * budget, not in the deadline), due 26 January 17:30. 40% is used at 13 January 12:06: 324 + 9 × 540 = 5184 left.
 */
const started = SlaClock.start(fifteenDays, at('2026-01-05 08:30'), calendar);
const fortyPercent = at('2026-01-13 12:06');

describe('SlaClock.reterm — keeping the share of time used', () => {
  it('gives a clock moved from 15 to 30 working days at 40% used 60% of the new budget', () => {
    expect(started.totalMinutes).toBe(8640);
    expect(SlaClock.state(started, fortyPercent, calendar).shareUsed).toBeCloseTo(0.4, 12);
    const moved = SlaClock.reterm(started, thirtyDays, fortyPercent, calendar);
    // 30 working days from the start are 31 × 540 = 16740 minutes; 60% is 10044 = 324 left of 13 January + 18 days.
    expect(moved.totalMinutes).toBe(16740);
    expect(local(moved.deadlineAt)).toBe('2026-02-06 17:30');
    expect(SlaClock.state(moved, fortyPercent, calendar)).toMatchObject({ state: 'on_track', minutesLeft: 10044, measure: 'working_minutes' });
    expect(SlaClock.state(moved, fortyPercent, calendar).shareUsed).toBeCloseTo(0.4, 12);
  });

  it('starts a new run whose next step is the new 50% warning', () => {
    const moved = SlaClock.reterm(started, thirtyDays, fortyPercent, calendar);
    expect(moved).toMatchObject({ escalationRun: 2, lastEscalationStep: null, nextEscalationStep: 0 });
    // 8370 left before 6 February 17:30: 15 days back to 19 January, then 270 min of 16 January.
    expect(local(moved.nextEscalationAt)).toBe('2026-01-16 13:00');
  });

  it('keeps fired the warnings whose share has been used, and waits for the next', () => {
    // 80% used leaves 1728: 22, 23, 26 January (1620) and 108 min of 21 January.
    const eighty = at('2026-01-21 15:42');
    const warned = fired(started, [0, 1]);
    const moved = SlaClock.reterm(warned, thirtyDays, eighty, calendar);
    // 20% of 16740 is 3348: 108 of 21 January, then 22, 23, 26, 27, 28, 29 January.
    expect(local(moved.deadlineAt)).toBe('2026-01-29 17:30');
    expect(moved).toMatchObject({ escalationRun: 2, lastEscalationStep: 1, nextEscalationStep: 2, escalationLevel: 1 });
    // 10% (1674) before the new deadline: 27-29 January (1620), 54 min of 26 January.
    expect(local(moved.nextEscalationAt)).toBe('2026-01-26 16:36');
  });

  it('waits for the single warning of new terms with fewer warnings, though two old ones fired', () => {
    const warned = fired(started, [0, 1]);
    const moved = SlaClock.reterm(warned, policy({ amount: 15, unit: 'working_days' }, { warningShares: [0.9] }), at('2026-01-21 15:42'), calendar);
    expect(moved).toMatchObject({ lastEscalationStep: null, nextEscalationStep: 0 });
    expect(EscalationLadder.steps(moved, calendar)[0]).toMatchObject({ kind: 'warning', share: 0.9 });
    expect(local(moved.nextEscalationAt)).toBe('2026-01-23 12:06');
  });

  it('keeps the share across a change from calendar days to working days', () => {
    // 30 calendar days from Monday 5 January at closing time: exactly 43200 minutes, due 4 February. Sunday 11 January: 20% used.
    const petition = SlaClock.start(policy({ amount: 30, unit: 'calendar_days' }), at('2026-01-05 17:30'), calendar);
    expect(local(petition.deadlineAt)).toBe('2026-02-04 17:30');
    const moved = SlaClock.reterm(petition, policy({ amount: 10, unit: 'working_days' }), at('2026-01-11 17:30'), calendar);
    // 10 working days from the start are 5400 working minutes; 80% is 4320, 8 days from Monday 12 January.
    expect(moved.totalMinutes).toBe(5400);
    expect(local(moved.deadlineAt)).toBe('2026-01-21 17:30');
    expect(moved.terms.period).toEqual({ amount: 10, unit: 'working_days' });
    const state = SlaClock.state(moved, at('2026-01-11 17:30'), calendar);
    expect(state).toMatchObject({ minutesLeft: 4320, measure: 'working_minutes' });
    expect(state.shareUsed).toBeCloseTo(0.2, 12);
  });

  it('keeps the share across a change from working days to calendar days, running a deadline on past a weekend', () => {
    const moved = SlaClock.reterm(started, policy({ amount: 30, unit: 'calendar_days' }), fortyPercent, calendar);
    // From 5 January 08:30 to 4 February 17:30: 43740 real minutes. 60% is 26244 = 18 days 5 h 24 min,
    // which ends Saturday 31 January 17:30, so the deadline runs on to Monday's close of business.
    expect(moved.totalMinutes).toBe(43740);
    expect(local(moved.deadlineAt)).toBe('2026-02-02 17:30');
    expect(SlaClock.state(moved, fortyPercent, calendar).measure).toBe('calendar_minutes');
  });
});

describe('SlaClock.reterm — paused, extended and breached clocks', () => {
  it('rescales the time left of a paused clock and leaves its deadline until it resumes', () => {
    const paused = SlaClock.pause(started, fortyPercent, calendar);
    expect(paused.remainingMinutes).toBe(5184);
    const moved = SlaClock.reterm(paused, thirtyDays, at('2026-01-20 10:00'), calendar);
    expect(moved).toMatchObject({
      remainingMinutes: 10044,
      totalMinutes: 16740,
      pausedAt: fortyPercent,
      deadlineAt: paused.deadlineAt,
      nextEscalationStep: null,
      nextEscalationAt: null,
      deadlineVersion: 3,
    });
    expect(SlaClock.state(moved, at('2026-01-20 10:00'), calendar)).toMatchObject({ paused: true, minutesLeft: 10044 });
    // Resumed Wednesday 21 January at opening: 18 full days to 13 February, then 324 min of 16 February.
    const resumed = SlaClock.resume(moved, at('2026-01-21 08:30'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-02-16 13:54');
    expect(resumed.nextEscalationStep).toBe(0);
    // 8370 left: 324 of 16 February, 14 days back to 27 January (7560), 486 min of 26 January.
    expect(local(resumed.nextEscalationAt)).toBe('2026-01-26 09:24');
  });

  it('still breaches a paused clock put under terms with fewer warnings once it resumes', () => {
    // Paused at 80% with the 50% and 75% warnings fired; the new terms warn only at 90%.
    const paused = SlaClock.pause(fired(started, [0, 1]), at('2026-01-21 15:42'), calendar);
    const moved = SlaClock.reterm(paused, policy({ amount: 15, unit: 'working_days' }, { warningShares: [0.9] }), at('2026-01-22 08:00'), calendar);
    // 1728 left from Thursday 22 January 08:30: 22, 23, 26 January (1620), 108 min of 27 January.
    const resumed = SlaClock.resume(moved, at('2026-01-22 08:30'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-01-27 10:18');
    expect(EscalationLadder.steps(resumed, calendar)[resumed.nextEscalationStep!]).toMatchObject({ kind: 'warning', share: 0.9 });
    expect(EscalationLadder.dueStep(resumed, resumed.deadlineAt, calendar)).toMatchObject({ kind: 'breach' });
  });

  it('keeps a granted extension, scaled to the new period', () => {
    // From closing time on 5 January: 15 working days are 8100 minutes; extended by 15 more, 16200 in all.
    const clock = SlaClock.start(fifteenDays, at('2026-01-05 17:30'), calendar);
    const extended = SlaClock.extend(clock, at('2026-01-12 10:00'), 'another ministry must be consulted', calendar);
    expect(extended.totalMinutes).toBe(16200);
    // At 12 January 17:30, 5 of 30 days are used (1/6). Under 20 working days (10800), the budget doubles to 21600.
    const twentyDays = policy({ amount: 20, unit: 'working_days' }, { extension: { amount: 20, unit: 'working_days' } });
    const moved = SlaClock.reterm(extended, twentyDays, at('2026-01-12 17:30'), calendar);
    expect(moved.totalMinutes).toBe(21600);
    expect(moved).toMatchObject({ extended: true, extensionReason: 'another ministry must be consulted' });
    // 5/6 of 21600 is 18000 = 33 days and 180 min: 13 January - 26 February, then 08:30-11:30 on 27 February.
    expect(local(moved.deadlineAt)).toBe('2026-02-27 11:30');
    expect(SlaClock.state(moved, at('2026-01-12 17:30'), calendar).shareUsed).toBeCloseTo(1 / 6, 12);
    // The new terms allow an extension too, but the one granted counts.
    expect(() => SlaClock.extend(moved, at('2026-01-13 10:00'), 'again', calendar)).toThrow(expect.objectContaining({ code: 'SLA_EXTENSION_USED' }));
  });

  it('keeps a breached working-days clock breached, its deadline as far in the past in the new measure', () => {
    // Breach fired at 26 January 17:30; on 28 January 13:54 the clock is 864 minutes (10%) over.
    const breached = fired(started, [0, 1, 2, 3]);
    const now = at('2026-01-28 13:54');
    expect(SlaClock.state(breached, now, calendar).minutesLeft).toBe(-864);
    const moved = SlaClock.reterm(breached, thirtyDays, now, calendar);
    // 10% of 16740 is 1674 over: 324 of 28 January, 27 and 26 January (1080), 270 min of 23 January.
    expect(local(moved.deadlineAt)).toBe('2026-01-23 13:00');
    const state = SlaClock.state(moved, now, calendar);
    expect(state).toMatchObject({ state: 'breached', minutesLeft: -1674 });
    expect(state.shareUsed).toBeCloseTo(1.1, 12);
    expect(local(moved.breachedAt)).toBe('2026-01-26 17:30');
    // The breach stays fired; the re-escalation is five working days after the new deadline.
    expect(moved).toMatchObject({ escalationRun: 2, lastEscalationStep: 3, nextEscalationStep: 4, escalationLevel: 2 });
    expect(local(moved.nextEscalationAt)).toBe('2026-01-30 17:30');
  });

  it('does not breach again a breached clock put under terms with more warnings', () => {
    // Same period, so still 90 working minutes over; the new terms number the breach 5 instead of 3.
    const breached = fired(started, [0, 1, 2, 3]);
    const now = at('2026-01-27 10:00');
    const moved = SlaClock.reterm(breached, policy({ amount: 15, unit: 'working_days' }, { warningShares: [0.5, 0.6, 0.75, 0.8, 0.9] }), now, calendar);
    // 90 working minutes before 10:00 is Tuesday's opening, the same working instant as Monday's close.
    expect(local(moved.deadlineAt)).toBe('2026-01-27 08:30');
    expect(EscalationLadder.steps(moved, calendar)[5]).toMatchObject({ kind: 'breach' });
    expect(moved).toMatchObject({ lastEscalationStep: 5, nextEscalationStep: 6 });
    expect(EscalationLadder.dueStep(moved, now, calendar)).toBeUndefined();
  });

  it('keeps a breached calendar-days clock breached, in real time', () => {
    // Due 3 June 17:30 after exactly 30 × 24 h; on 6 June it is 3 days (10%) over. Under 60 days, 6 days over.
    const petition = SlaClock.start(policy({ amount: 30, unit: 'calendar_days' }), at('2026-05-04 17:30'), calendar);
    const now = at('2026-06-06 17:30');
    const moved = SlaClock.reterm(petition, policy({ amount: 60, unit: 'calendar_days' }), now, calendar);
    expect(moved.totalMinutes).toBe(60 * 24 * 60);
    expect(local(moved.deadlineAt)).toBe('2026-05-31 17:30');
    expect(SlaClock.state(moved, now, calendar)).toMatchObject({ state: 'breached', minutesLeft: -6 * 24 * 60, measure: 'calendar_minutes' });
  });
});

describe('SlaClock.reterm — terms, versions and refusals', () => {
  it('copies the new terms, which later edits of the policy no longer reach', () => {
    const changed = policy(
      { amount: 20, unit: 'working_days' },
      {
        id: 'policy-2',
        warningShares: [0.9, 0.6],
        ladder: [['assigned_officer'], ['center_queue']],
        reEscalation: null,
        publicLateFlag: false,
        notifyCitizenOnBreach: false,
      },
    );
    const moved = SlaClock.reterm(started, changed, fortyPercent, calendar);
    changed.period.amount = 99;
    changed.ladder[1].push('parent_agency');
    changed.warningShares.push(0.95);
    expect(moved.policyId).toBe('policy-2');
    expect(moved.terms).toMatchObject({
      period: { amount: 20, unit: 'working_days' },
      warningShares: [0.6, 0.9],
      ladder: [['assigned_officer'], ['center_queue']],
      reEscalation: null,
      publicLateFlag: false,
      notifyCitizenOnBreach: false,
      extension: null,
    });
  });

  it('bumps the deadline version', () => {
    const moved = SlaClock.reterm(started, thirtyDays, fortyPercent, calendar);
    expect(moved.deadlineVersion).toBe(started.deadlineVersion + 1);
    expect(SlaClock.reterm(moved, fifteenDays, fortyPercent, calendar).deadlineVersion).toBe(started.deadlineVersion + 2);
  });

  it('refuses a stopped clock', () => {
    const stopped = SlaClock.stop(started, fortyPercent);
    expect(() => SlaClock.reterm(stopped, thirtyDays, at('2026-01-14 10:00'), calendar)).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_STOPPED' }));
  });
});
