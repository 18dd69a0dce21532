import { at, local, policy, turkishCalendar } from '../testing/istanbul-fixtures';
import { SlaClock } from '../clocks/sla-clock';
import { SlaPolicy } from '../clocks/sla-policy';
import { EscalationLadder, EscalationStep } from './escalation-ladder';

const calendar = turkishCalendar();
const withLunch = turkishCalendar('08:30-12:30,13:30-17:30');

/** Law 4982: 15 working days, once extendable by 15 more if the applicant is told before the deadline. */
const informationRequest = policy(
  { amount: 15, unit: 'working_days' },
  { extension: { amount: 15, unit: 'working_days' }, requiresNoticeBeforeDeadline: true },
);

/** Each step as [ordinal, kind, share, level, due] in local time. */
function described(steps: EscalationStep[]) {
  return steps.map((s) => [s.ordinal, s.kind, s.share, s.level, local(s.dueAt)]);
}

/** Fires the given steps in turn, each at its own due instant, as punctual timers would. */
function fired<C extends SlaClock>(clock: C, ordinals: number[], cal = calendar): C {
  return ordinals.reduce((c, ordinal) => {
    const step = EscalationLadder.steps(c, cal)[ordinal];
    return EscalationLadder.escalate(c, step, step.dueAt, cal);
  }, clock);
}

describe('EscalationLadder.steps — when each step falls', () => {
  it('places the warnings of an information request at working instants, walking back over the bayram, its eve, weekends and nights', () => {
    // Due Friday 5 June 17:30 with 8280 working minutes: 11 May 10:00-17:30 (450) + 14 full days + the eve 26 May (270).
    const clock = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    expect(clock.totalMinutes).toBe(8280);
    expect(described(EscalationLadder.steps(clock, calendar))).toEqual([
      // 4140 left: 1-5 June (2700), bayram 27-30 May (none), eve (270), 25 May (540), 22 May (540), 90 min of 21 May.
      [0, 'warning', 0.5, 1, '2026-05-21 16:00'],
      // 2070 left: 3-5 June (1620), then 450 min of 2 June.
      [1, 'warning', 0.75, 1, '2026-06-02 10:00'],
      // 828 left: 5 June (540), then 288 min of 4 June.
      [2, 'warning', 0.9, 1, '2026-06-04 12:42'],
      [3, 'breach', 1, 2, '2026-06-05 17:30'],
      // Five working days after the breach: 8-12 June.
      [4, 're_escalation', null, 3, '2026-06-12 17:30'],
    ]);
  });

  it('skips the lunch break and the night when a working-days clock has a lunch break', () => {
    // From Friday 9 January 09:30, 3 working days: due Wednesday 14 January 17:30. Friday gives 180 + 240, then 3 × 480: 1860.
    const clock = SlaClock.start(policy({ amount: 3, unit: 'working_days' }), at('2026-01-09 09:30'), withLunch);
    expect(clock.totalMinutes).toBe(1860);
    expect(described(EscalationLadder.steps(clock, withLunch)).slice(0, 4)).toEqual([
      // 930 left: Wednesday (480), Tuesday afternoon (240), then 210 min of Tuesday morning.
      [0, 'warning', 0.5, 1, '2026-01-13 09:00'],
      // 465 left: Wednesday afternoon (240), then 225 min before the 12:30 lunch.
      [1, 'warning', 0.75, 1, '2026-01-14 08:45'],
      // 186 left, all in Wednesday afternoon.
      [2, 'warning', 0.9, 1, '2026-01-14 14:24'],
      [3, 'breach', 1, 2, '2026-01-14 17:30'],
    ]);
  });

  it('walks a warning back over May Day and the weekend to the working hours before them', () => {
    // 3 working hours from Thursday 30 April 15:30: 120 min on Thursday, Friday 1 May is closed, 60 min on Monday.
    const clock = SlaClock.start(policy({ amount: 3, unit: 'working_hours' }), at('2026-04-30 15:30'), calendar);
    expect(local(clock.deadlineAt)).toBe('2026-05-04 09:30');
    expect(described(EscalationLadder.steps(clock, calendar)).slice(0, 4)).toEqual([
      // 90 left: Monday's 60, then 30 min of Thursday.
      [0, 'warning', 0.5, 1, '2026-04-30 17:00'],
      [1, 'warning', 0.75, 1, '2026-05-04 08:45'],
      [2, 'warning', 0.9, 1, '2026-05-04 09:12'],
      [3, 'breach', 1, 2, '2026-05-04 09:30'],
    ]);
  });

  it('places the warnings of a calendar-days clock at real-time shares, on holidays, nights and weekends alike', () => {
    // Started at closing time, 30 calendar days are exactly 30 × 24 h: due Wednesday 3 June 17:30.
    const clock = SlaClock.start(policy({ amount: 30, unit: 'calendar_days' }), at('2026-05-04 17:30'), calendar);
    expect(clock.totalMinutes).toBe(30 * 24 * 60);
    expect(described(EscalationLadder.steps(clock, calendar))).toEqual([
      // 15 days before: Youth Day.
      [0, 'warning', 0.5, 1, '2026-05-19 17:30'],
      // 7.5 days before: the night of the bayram's first day.
      [1, 'warning', 0.75, 1, '2026-05-27 05:30'],
      // 3 days before: a Sunday.
      [2, 'warning', 0.9, 1, '2026-05-31 17:30'],
      [3, 'breach', 1, 2, '2026-06-03 17:30'],
      // The re-escalation period is in working days whatever the clock's unit: 4, 5, 8, 9, 10 June.
      [4, 're_escalation', null, 3, '2026-06-10 17:30'],
    ]);
  });

  it('re-escalates one period apart, one rung at a time, up to the top of the ladder', () => {
    const ladder = [
      ['assigned_officer'],
      ['agency_supervisors'],
      ['parent_agency'],
      ['center_queue'],
      ['parent_agency', 'center_queue'],
    ] as SlaPolicy['ladder'];
    // 10 working hours from Monday's opening: due Tuesday 09:30.
    const clock = SlaClock.start(
      policy({ amount: 10, unit: 'working_hours' }, { ladder, reEscalation: { amount: 4, unit: 'working_hours' } }),
      at('2026-01-05 08:30'),
      calendar,
    );
    const steps = EscalationLadder.steps(clock, calendar);
    expect(described(steps.slice(3))).toEqual([
      [3, 'breach', 1, 2, '2026-01-06 09:30'],
      [4, 're_escalation', null, 3, '2026-01-06 13:30'],
      [5, 're_escalation', null, 4, '2026-01-06 17:30'],
      // Four working hours after Tuesday's close are Wednesday's first four.
      [6, 're_escalation', null, 5, '2026-01-07 12:30'],
    ]);
    expect(steps.map((s) => s.targets)).toEqual([...Array(3).fill(ladder[0]), ladder[1], ladder[2], ladder[3], ladder[4]]);
  });

  it('tells each rung’s targets: the officer is warned, the supervisors learn of the breach, the parent agency and the center after it', () => {
    const steps = EscalationLadder.steps(SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar), calendar);
    expect(steps.map((s) => [s.kind, s.targets])).toEqual([
      ['warning', ['assigned_officer']],
      ['warning', ['assigned_officer']],
      ['warning', ['assigned_officer']],
      ['breach', ['agency_supervisors']],
      ['re_escalation', ['parent_agency', 'center_queue']],
    ]);
  });

  it('breaches on rung 1 of a one-rung ladder and never re-escalates', () => {
    const clock = SlaClock.start(policy({ amount: 10, unit: 'working_hours' }, { ladder: [['agency_supervisors']] }), at('2026-01-05 08:30'), calendar);
    expect(clock.terms.reEscalation).not.toBeNull();
    expect(EscalationLadder.steps(clock, calendar).map((s) => [s.kind, s.level, s.targets])).toEqual([
      ['warning', 1, ['agency_supervisors']],
      ['warning', 1, ['agency_supervisors']],
      ['warning', 1, ['agency_supervisors']],
      ['breach', 1, ['agency_supervisors']],
    ]);
  });

  it('ends at the breach on a two-rung ladder', () => {
    const clock = SlaClock.start(
      policy({ amount: 10, unit: 'working_hours' }, { ladder: [['assigned_officer'], ['agency_supervisors']] }),
      at('2026-01-05 08:30'),
      calendar,
    );
    expect(EscalationLadder.steps(clock, calendar).map((s) => [s.kind, s.level])).toEqual([
      ['warning', 1],
      ['warning', 1],
      ['warning', 1],
      ['breach', 2],
    ]);
  });

  it('has no re-escalation steps without a re-escalation period, however tall the ladder', () => {
    const clock = SlaClock.start(policy({ amount: 10, unit: 'working_hours' }, { reEscalation: null }), at('2026-01-05 08:30'), calendar);
    expect(clock.terms.ladder).toHaveLength(3);
    expect(EscalationLadder.steps(clock, calendar).map((s) => s.kind)).toEqual(['warning', 'warning', 'warning', 'breach']);
  });

  it('makes the breach step 0 of a policy without warnings', () => {
    const clock = SlaClock.start(policy({ amount: 10, unit: 'working_hours' }, { warningShares: [] }), at('2026-01-05 08:30'), calendar);
    expect(described(EscalationLadder.steps(clock, calendar))).toEqual([
      [0, 'breach', 1, 2, '2026-01-06 09:30'],
      // Five working days after Tuesday 6 January: 7, 8, 9, 12, 13 January.
      [1, 're_escalation', null, 3, '2026-01-13 17:30'],
    ]);
  });
});

describe('EscalationLadder.plan — the next step to wait for', () => {
  const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);

  it('waits for the first warning of a fresh clock', () => {
    expect(started).toMatchObject({ escalationRun: 1, lastEscalationStep: null, nextEscalationStep: 0, escalationLevel: 0 });
    expect(local(started.nextEscalationAt)).toBe('2026-05-21 16:00');
  });

  it('waits for the step after the last one fired', () => {
    const planned = EscalationLadder.plan({ ...started, lastEscalationStep: 1 }, calendar);
    expect(planned.nextEscalationStep).toBe(2);
    expect(local(planned.nextEscalationAt)).toBe('2026-06-04 12:42');
    const afterBreach = EscalationLadder.plan({ ...started, lastEscalationStep: 3 }, calendar);
    expect(afterBreach.nextEscalationStep).toBe(4);
    expect(local(afterBreach.nextEscalationAt)).toBe('2026-06-12 17:30');
  });

  it('waits for nothing once the top of the ladder has fired', () => {
    expect(EscalationLadder.plan({ ...started, lastEscalationStep: 4 }, calendar)).toMatchObject({ nextEscalationStep: null, nextEscalationAt: null });
  });

  it('waits for nothing while paused or once stopped', () => {
    expect(EscalationLadder.plan({ ...started, pausedAt: at('2026-05-12 10:00') }, calendar)).toMatchObject({
      nextEscalationStep: null,
      nextEscalationAt: null,
    });
    expect(EscalationLadder.plan({ ...started, stoppedAt: at('2026-05-12 10:00') }, calendar)).toMatchObject({
      nextEscalationStep: null,
      nextEscalationAt: null,
    });
  });

  it('changes nothing else of the clock', () => {
    const planned = EscalationLadder.plan({ ...started, lastEscalationStep: 1 }, calendar);
    expect({ ...planned, nextEscalationStep: null, nextEscalationAt: null }).toEqual({
      ...started,
      lastEscalationStep: 1,
      nextEscalationStep: null,
      nextEscalationAt: null,
    });
  });
});

describe('EscalationLadder.dueStep — what a timer or the sweeper fires', () => {
  const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);

  it('fires a warning at its due instant and not a minute before', () => {
    expect(EscalationLadder.dueStep(started, at('2026-05-21 15:59'), calendar)).toBeUndefined();
    expect(EscalationLadder.dueStep(started, at('2026-05-21 16:00'), calendar)).toMatchObject({ ordinal: 0, kind: 'warning', share: 0.5 });
  });

  it('fires only the latest of several overdue warnings', () => {
    expect(EscalationLadder.dueStep(started, at('2026-06-03 09:00'), calendar)).toMatchObject({ ordinal: 1, share: 0.75 });
  });

  it('fires the breach, not stale warnings, when the timer comes after the deadline', () => {
    expect(EscalationLadder.dueStep(started, at('2026-06-05 17:30'), calendar)).toMatchObject({ ordinal: 3, kind: 'breach', level: 2 });
    const warned = fired(started, [0]);
    expect(EscalationLadder.dueStep(warned, at('2026-06-08 10:00'), calendar)).toMatchObject({ ordinal: 3, kind: 'breach' });
  });

  it('fires nothing when the next step is not yet due', () => {
    const warned = fired(started, [0, 1]);
    expect(EscalationLadder.dueStep(warned, at('2026-06-04 12:41'), calendar)).toBeUndefined();
    const breached = fired(started, [0, 1, 2, 3]);
    expect(EscalationLadder.dueStep(breached, at('2026-06-12 17:29'), calendar)).toBeUndefined();
    expect(EscalationLadder.dueStep(breached, at('2026-06-12 17:30'), calendar)).toMatchObject({ ordinal: 4, kind: 're_escalation', level: 3 });
  });

  it('fires nothing again once the top has fired', () => {
    expect(EscalationLadder.dueStep(fired(started, [0, 1, 2, 3, 4]), at('2026-12-31 10:00'), calendar)).toBeUndefined();
  });

  it('fires nothing while paused or once stopped, however overdue', () => {
    const paused = SlaClock.pause(started, at('2026-05-20 10:00'), calendar);
    expect(EscalationLadder.dueStep(paused, at('2026-07-01 10:00'), calendar)).toBeUndefined();
    const stopped = SlaClock.stop(started, at('2026-05-20 10:00'));
    expect(EscalationLadder.dueStep(stopped, at('2026-07-01 10:00'), calendar)).toBeUndefined();
  });
});

describe('EscalationLadder.escalate — recording a step that fired', () => {
  const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
  const steps = EscalationLadder.steps(started, calendar);

  it('records a warning on rung 1 and plans the next warning', () => {
    const warned = EscalationLadder.escalate(started, steps[0], at('2026-05-21 16:01'), calendar);
    expect(warned).toMatchObject({ lastEscalationStep: 0, escalationLevel: 1, centerEscalatedAt: null, breachedAt: null, nextEscalationStep: 1 });
    expect(local(warned.nextEscalationAt)).toBe('2026-06-02 10:00');
  });

  it('records the breach at the instant it fired, on rung 2, and plans the re-escalation', () => {
    const breached = fired(started, [0, 1]);
    const after = EscalationLadder.escalate(breached, steps[3], at('2026-06-05 17:31'), calendar);
    expect(after).toMatchObject({ lastEscalationStep: 3, escalationLevel: 2, centerEscalatedAt: null, nextEscalationStep: 4 });
    expect(local(after.breachedAt)).toBe('2026-06-05 17:31');
    expect(local(after.nextEscalationAt)).toBe('2026-06-12 17:30');
  });

  it('marks the center escalated when a rung with the center queue fires, and plans nothing after the top', () => {
    const breached = fired(started, [0, 1, 2, 3]);
    const top = EscalationLadder.escalate(breached, steps[4], at('2026-06-12 17:32'), calendar);
    expect(top).toMatchObject({ lastEscalationStep: 4, escalationLevel: 3, nextEscalationStep: null, nextEscalationAt: null });
    expect(local(top.centerEscalatedAt)).toBe('2026-06-12 17:32');
    expect(local(top.breachedAt)).toBe('2026-06-05 17:30');
  });

  it('keeps the first instant the center was escalated, and the first breach', () => {
    const earlier = { ...started, centerEscalatedAt: at('2026-04-01 10:00'), breachedAt: at('2026-04-01 09:00'), escalationLevel: 3 };
    const again = EscalationLadder.escalate(
      EscalationLadder.escalate(earlier, steps[3], at('2026-06-05 17:30'), calendar),
      steps[4],
      at('2026-06-12 17:30'),
      calendar,
    );
    expect(local(again.centerEscalatedAt)).toBe('2026-04-01 10:00');
    expect(local(again.breachedAt)).toBe('2026-04-01 09:00');
  });

  it('marks the center escalated on a warning when rung 1 is the center queue', () => {
    const clock = SlaClock.start(
      policy({ amount: 10, unit: 'working_hours' }, { ladder: [['center_queue'], ['agency_supervisors']] }),
      at('2026-01-05 08:30'),
      calendar,
    );
    const warned = EscalationLadder.escalate(clock, EscalationLadder.steps(clock, calendar)[0], at('2026-01-05 13:30'), calendar);
    expect(local(warned.centerEscalatedAt)).toBe('2026-01-05 13:30');
    expect(warned.breachedAt).toBeNull();
  });

  it('keeps the highest rung reached when a lower step fires in a later run', () => {
    const secondRun = { ...started, escalationRun: 2, escalationLevel: 3 };
    expect(EscalationLadder.escalate(secondRun, steps[0], at('2026-05-21 16:00'), calendar).escalationLevel).toBe(3);
  });

  it('records the breach even when a late sweeper jumps straight to a re-escalation', () => {
    // Redis lost every timer and the sweeper comes after the re-escalation is due: the clock has breached all the same.
    const now = at('2026-06-15 10:00');
    const step = EscalationLadder.dueStep(started, now, calendar)!;
    const after = EscalationLadder.escalate(started, step, now, calendar);
    expect(local(after.breachedAt)).toBe('2026-06-15 10:00');
  });

  it('leaves the deadline and its version alone', () => {
    const warned = EscalationLadder.escalate(started, steps[0], at('2026-05-21 16:00'), calendar);
    expect(warned).toMatchObject({ deadlineAt: started.deadlineAt, deadlineVersion: started.deadlineVersion, escalationRun: 1, totalMinutes: 8280 });
  });
});

describe('SlaClock transitions keep the ladder right', () => {
  it('plans the 50% warning when a clock starts', () => {
    const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    expect(started).toMatchObject({
      escalationRun: 1,
      lastEscalationStep: null,
      nextEscalationStep: 0,
      escalationLevel: 0,
      centerEscalatedAt: null,
      breachedAt: null,
    });
    expect(local(started.nextEscalationAt)).toBe('2026-05-21 16:00');
  });

  it('plans nothing while paused, and on resuming waits for the 90% warning when 50% and 75% have fired', () => {
    const warned = fired(SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar), [0, 1]);
    // 80% used leaves 1656 minutes: 3-5 June (1620) and 36 min of 2 June.
    const paused = SlaClock.pause(warned, at('2026-06-02 16:54'), calendar);
    expect(paused).toMatchObject({ remainingMinutes: 1656, lastEscalationStep: 1, nextEscalationStep: null, nextEscalationAt: null });
    // Resumed Monday 8 June at opening: 8, 9, 10 June (1620) and 36 min of 11 June.
    const resumed = SlaClock.resume(paused, at('2026-06-08 08:30'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-06-11 09:06');
    expect(resumed).toMatchObject({ escalationRun: 1, lastEscalationStep: 1, nextEscalationStep: 2, escalationLevel: 1 });
    // 828 left before the new deadline: 36 on 11 June, 540 on 10 June, 252 of 9 June.
    expect(local(resumed.nextEscalationAt)).toBe('2026-06-09 13:18');
    expect(EscalationLadder.dueStep(resumed, at('2026-06-09 13:17'), calendar)).toBeUndefined();
  });

  it('starts a new run on restart: nothing fired, rung 0, not breached', () => {
    // 09:00 Monday 5 January: due 26 January 17:30, breach fired, re-escalation due 2 February 17:30.
    const breached = fired(SlaClock.start(informationRequest, at('2026-01-05 09:00'), calendar), [0, 1, 2, 3]);
    expect(breached).toMatchObject({ lastEscalationStep: 3, escalationLevel: 2, nextEscalationStep: 4 });
    expect(local(breached.breachedAt)).toBe('2026-01-26 17:30');
    const restarted = SlaClock.restart(breached, informationRequest, at('2026-02-02 09:00'), calendar);
    expect(local(restarted.deadlineAt)).toBe('2026-02-23 17:30');
    expect(restarted).toMatchObject({
      escalationRun: 2,
      lastEscalationStep: null,
      escalationLevel: 0,
      centerEscalatedAt: null,
      breachedAt: null,
      nextEscalationStep: 0,
    });
    // 8610 minutes; 4305 left: 17-23 February (3240), 13 February (540), 525 of 12 February.
    expect(local(restarted.nextEscalationAt)).toBe('2026-02-12 08:45');
  });

  it('starts a new run on extension in which the warnings fire again once the time used falls below them', () => {
    // From Monday's opening: 16 × 540 = 8640 minutes, due 26 January; the 90% warning (864 left) falls on 23 January 12:06.
    const clock = SlaClock.start(informationRequest, at('2026-01-05 08:30'), calendar);
    expect(
      described(EscalationLadder.steps(clock, calendar))
        .slice(0, 3)
        .map((s) => s[4]),
    ).toEqual(['2026-01-15 08:30', '2026-01-21 08:30', '2026-01-23 12:06']);
    const warned = fired(clock, [0, 1, 2]);
    const extended = SlaClock.extend(warned, at('2026-01-23 14:00'), 'another ministry must be consulted', calendar);
    // 16740 minutes, 8850 still left (210 + 540 + 15 × 540): 47% used, so the new 50% warning is ahead.
    expect(extended.totalMinutes).toBe(16740);
    expect(extended).toMatchObject({ escalationRun: 2, lastEscalationStep: null, nextEscalationStep: 0, escalationLevel: 1 });
    // 8370 left before 16 February 17:30: 15 days back to 27 January, then 270 min of 26 January.
    expect(local(extended.nextEscalationAt)).toBe('2026-01-26 13:00');
    expect(EscalationLadder.dueStep(extended, at('2026-01-26 13:00'), calendar)).toMatchObject({ ordinal: 0, share: 0.5 });
  });

  it('keeps fired the warnings still due after a short extension', () => {
    const shortExtension = policy({ amount: 15, unit: 'working_days' }, { extension: { amount: 5, unit: 'working_days' } });
    const warned = fired(SlaClock.start(shortExtension, at('2026-01-05 08:30'), calendar), [0, 1, 2]);
    const extended = SlaClock.extend(warned, at('2026-01-23 14:00'), 'consulting', calendar);
    // Due 2 February with 11340 minutes, 3450 left: 70% used. The new 50% (19 January 13:00) is past, the new 75% ahead.
    expect(local(extended.deadlineAt)).toBe('2026-02-02 17:30');
    expect(local(EscalationLadder.steps(extended, calendar)[0].dueAt)).toBe('2026-01-19 13:00');
    expect(extended).toMatchObject({ escalationRun: 2, lastEscalationStep: 0, nextEscalationStep: 1 });
    // 2835 left: 27 January - 2 February (2700), then 135 min of 26 January.
    expect(local(extended.nextEscalationAt)).toBe('2026-01-26 15:15');
  });

  it('plans nothing once stopped', () => {
    const warned = fired(SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar), [0]);
    const stopped = SlaClock.stop(warned, at('2026-05-25 10:00'));
    expect(stopped).toMatchObject({ lastEscalationStep: 0, nextEscalationStep: null, nextEscalationAt: null, escalationLevel: 1 });
  });

  it('bumps the deadline version on every transition, and only on transitions', () => {
    const v1 = SlaClock.start(informationRequest, at('2026-01-05 08:30'), calendar);
    const w1 = fired(v1, [0]);
    const v2 = SlaClock.pause(w1, at('2026-01-16 09:00'), calendar);
    const v3 = SlaClock.resume(v2, at('2026-01-19 09:00'), calendar);
    const v4 = SlaClock.extend(v3, at('2026-01-20 09:00'), 'consulting', calendar);
    const v5 = SlaClock.reterm(v4, policy({ amount: 20, unit: 'working_days' }), at('2026-01-21 09:00'), calendar);
    const v6 = SlaClock.restart(v5, informationRequest, at('2026-01-22 09:00'), calendar);
    const v7 = SlaClock.stop(v6, at('2026-01-23 09:00'));
    expect([v1, w1, v2, v3, v4, v5, v6, v7].map((c) => c.deadlineVersion)).toEqual([1, 1, 2, 3, 4, 5, 6, 7]);
  });
});
