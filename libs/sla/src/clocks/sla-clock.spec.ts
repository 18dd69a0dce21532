import { at, local, policy, turkishCalendar } from '../testing/istanbul-fixtures';
import { SlaClock } from './sla-clock';

const calendar = turkishCalendar();

/** Law 4982: 15 working days, once extendable by 15 more if the applicant is told before the deadline. */
const informationRequest = policy(
  { amount: 15, unit: 'working_days' },
  { extension: { amount: 15, unit: 'working_days' }, requiresNoticeBeforeDeadline: true },
);
const petition = policy({ amount: 30, unit: 'calendar_days' }, { onAwaitingCitizen: 'continue' });

describe('SlaClock — starting', () => {
  it('sets an information request due at close of business on the 15th working day, Youth Day and Kurban Bayramı excluded', () => {
    // 19 May is a holiday; 26 May is the half-day eve (it counts); 27-29 May are the bayram.
    const clock = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    expect(local(clock.deadlineAt)).toBe('2026-06-05 17:30');
    expect(clock).toMatchObject({ policyId: 'policy-1', kind: 'answer', deadlineVersion: 1, extended: false, pausedAt: null, stoppedAt: null });
  });

  it('keeps a copy of the policy terms, so editing the policy later moves nothing', () => {
    const terms = { ...structuredClone(informationRequest), warningShares: [0.9, 0.5] };
    const clock = SlaClock.start(terms, at('2026-05-11 10:00'), calendar);
    terms.period.amount = 99;
    expect(clock.terms.period).toEqual({ amount: 15, unit: 'working_days' });
    expect(clock.terms.warningShares).toEqual([0.5, 0.9]);
  });
});

describe('SlaClock — pause and resume', () => {
  it('pauses an RTI request on the Friday before Kurban Bayramı and resumes after it with the same working time left', () => {
    const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    // Fee notice sent Friday 22 May at noon: 22 May 5.5 h + 25 May 9 h + the eve 4.5 h + 1-5 June 45 h.
    const paused = SlaClock.pause(started, at('2026-05-22 12:00'), calendar);
    expect(paused.remainingMinutes).toBe(330 + 540 + 270 + 5 * 540);
    expect(paused.deadlineVersion).toBe(2);
    // Paid on Monday 1 June at opening: the bayram did not eat into the period.
    const resumed = SlaClock.resume(paused, at('2026-06-01 08:30'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-06-10 09:30');
    expect(resumed).toMatchObject({ pausedAt: null, remainingMinutes: null, deadlineVersion: 3 });
    expect(calendar.workingMinutesBetween(at('2026-06-01 08:30'), resumed.deadlineAt)).toBe(paused.remainingMinutes);
  });

  it('counts nothing while paused over the bayram, even when resumed on the half-day eve', () => {
    const paused = SlaClock.pause(SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar), at('2026-05-22 12:00'), calendar);
    // Eve 26 May 09:00-13:00 is 4 h, then 1-5 June 45 h, 8 June 9 h: 11 h left on 9 June.
    const resumed = SlaClock.resume(paused, at('2026-05-26 09:00'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-06-09 14:30');
  });

  it('keeps real minutes for a calendar-day clock and moves a resumed deadline off a weekend', () => {
    const started = SlaClock.start(petition, at('2026-05-04 10:00'), calendar);
    expect(local(started.deadlineAt)).toBe('2026-06-03 17:30');
    const paused = SlaClock.pause(started, at('2026-05-20 17:30'), calendar);
    expect(paused.remainingMinutes).toBe(14 * 24 * 60);
    expect(local(SlaClock.resume(paused, at('2026-05-25 17:30'), calendar).deadlineAt)).toBe('2026-06-08 17:30');
    // 14 days after Saturday 23 May is Saturday 6 June: the deadline runs on to Monday's close of business.
    expect(local(SlaClock.resume(paused, at('2026-05-23 17:30'), calendar).deadlineAt)).toBe('2026-06-08 17:30');
  });

  it('resumes a clock paused after its deadline as already due', () => {
    const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    const paused = SlaClock.pause(started, at('2026-06-08 10:00'), calendar);
    expect(paused.remainingMinutes).toBe(0);
    const resumed = SlaClock.resume(paused, at('2026-06-15 10:00'), calendar);
    expect(local(resumed.deadlineAt)).toBe('2026-06-15 10:00');
    expect(SlaClock.state(resumed, at('2026-06-15 10:00'), calendar).state).toBe('breached');
  });

  it('refuses to pause twice or to resume a running clock', () => {
    const started = SlaClock.start(informationRequest, at('2026-05-11 10:00'), calendar);
    expect(() => SlaClock.resume(started, at('2026-05-12 10:00'), calendar)).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_NOT_PAUSED' }));
    const paused = SlaClock.pause(started, at('2026-05-12 10:00'), calendar);
    expect(() => SlaClock.pause(paused, at('2026-05-13 10:00'), calendar)).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_PAUSED' }));
  });
});

describe('SlaClock — restart (Brazil, Law 13.460: asking the citizen interrupts the deadline)', () => {
  const ombudsman = policy({ amount: 30, unit: 'calendar_days' }, { onAwaitingCitizen: 'restart' });

  it('gives the full period again from the citizen’s reply', () => {
    const started = SlaClock.start(ombudsman, at('2026-01-05 10:00'), calendar);
    expect(local(started.deadlineAt)).toBe('2026-02-04 17:30');
    const waiting = SlaClock.pause(started, at('2026-01-20 11:00'), calendar);
    const restarted = SlaClock.restart(waiting, ombudsman, at('2026-02-10 11:00'), calendar);
    expect(local(restarted.deadlineAt)).toBe('2026-03-12 17:30');
    expect(local(restarted.startedAt)).toBe('2026-02-10 11:00');
    expect(restarted).toMatchObject({ pausedAt: null, remainingMinutes: null, extended: false, deadlineVersion: 3 });
    expect(SlaClock.state(restarted, at('2026-02-10 11:00'), calendar)).toMatchObject({ state: 'on_track', shareUsed: 0 });
  });

  it('restarts a running clock too, e.g. on a transfer under a restart policy', () => {
    const started = SlaClock.start(informationRequest, at('2026-01-05 09:00'), calendar);
    const restarted = SlaClock.restart(started, informationRequest, at('2026-01-12 09:00'), calendar);
    expect(local(restarted.deadlineAt)).toBe('2026-02-02 17:30');
    expect(restarted.deadlineVersion).toBe(2);
  });
});

describe('SlaClock — extension', () => {
  const started = SlaClock.start(informationRequest, at('2026-01-05 09:00'), calendar);

  it('extends an information request once, with its reason, to the 30th working day', () => {
    expect(local(started.deadlineAt)).toBe('2026-01-26 17:30');
    const extended = SlaClock.extend(started, at('2026-01-20 10:00'), '  another ministry must be consulted ', calendar);
    expect(local(extended.deadlineAt)).toBe('2026-02-16 17:30');
    expect(extended).toMatchObject({ extended: true, extensionReason: 'another ministry must be consulted', deadlineVersion: 2 });
    expect(extended.totalMinutes).toBe(started.totalMinutes + 15 * 540);
  });

  it('refuses a second extension', () => {
    const extended = SlaClock.extend(started, at('2026-01-20 10:00'), 'consulting', calendar);
    expect(() => SlaClock.extend(extended, at('2026-01-21 10:00'), 'again', calendar)).toThrow(expect.objectContaining({ code: 'SLA_EXTENSION_USED' }));
  });

  it('refuses an extension notified at or after the original deadline when the law requires notice before it', () => {
    expect(() => SlaClock.extend(started, at('2026-01-26 17:30'), 'too late', calendar)).toThrow(expect.objectContaining({ code: 'SLA_EXTENSION_TOO_LATE' }));
    expect(() => SlaClock.extend(started, at('2026-01-27 09:00'), 'too late', calendar)).toThrow(expect.objectContaining({ code: 'SLA_EXTENSION_TOO_LATE' }));
    expect(local(SlaClock.extend(started, at('2026-01-26 17:29'), 'just in time', calendar).deadlineAt)).toBe('2026-02-16 17:30');
  });

  it('allows a late extension when the policy requires no notice, and none at all when it has no extension', () => {
    const ombudsman = policy({ amount: 30, unit: 'calendar_days' }, { extension: { amount: 30, unit: 'calendar_days' } });
    const clock = SlaClock.start(ombudsman, at('2026-01-05 10:00'), calendar);
    expect(local(SlaClock.extend(clock, at('2026-02-05 10:00'), 'justified', calendar).deadlineAt)).toBe('2026-03-06 17:30');
    const plain = SlaClock.start(petition, at('2026-01-05 10:00'), calendar);
    expect(() => SlaClock.extend(plain, at('2026-01-06 10:00'), 'why not', calendar)).toThrow(expect.objectContaining({ code: 'SLA_EXTENSION_NOT_ALLOWED' }));
  });

  it('refuses an extension without a reason or while paused', () => {
    expect(() => SlaClock.extend(started, at('2026-01-20 10:00'), '   ', calendar)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const paused = SlaClock.pause(started, at('2026-01-20 10:00'), calendar);
    expect(() => SlaClock.extend(paused, at('2026-01-20 11:00'), 'consulting', calendar)).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_PAUSED' }));
  });
});

describe('SlaClock — state', () => {
  // 10 working hours from Monday's opening: 9 h on Monday, due Tuesday 09:30. 90% is reached at Monday's close.
  const clock = SlaClock.start(policy({ amount: 10, unit: 'working_hours' }), at('2026-01-05 08:30'), calendar);

  it.each([
    ['2026-01-05 08:30', 'on_track', 600],
    ['2026-01-05 13:30', 'on_track', 300],
    ['2026-01-05 17:29', 'on_track', 61],
    ['2026-01-05 17:30', 'at_risk', 60],
    ['2026-01-05 23:00', 'at_risk', 60],
    ['2026-01-06 09:29', 'at_risk', 1],
    ['2026-01-06 09:30', 'breached', 0],
    ['2026-01-06 10:30', 'breached', -60],
  ])('at %s is %s with %d working minutes left', (now, expected, left) => {
    expect(local(clock.deadlineAt)).toBe('2026-01-06 09:30');
    expect(SlaClock.state(clock, at(now), calendar)).toMatchObject({ state: expected, minutesLeft: left, measure: 'working_minutes', paused: false });
  });

  it('turns at risk at the last configured warning share', () => {
    const early = SlaClock.start(policy({ amount: 10, unit: 'working_hours' }, { warningShares: [0.5] }), at('2026-01-05 08:30'), calendar);
    expect(SlaClock.state(early, at('2026-01-05 13:29'), calendar).state).toBe('on_track');
    expect(SlaClock.state(early, at('2026-01-05 13:30'), calendar)).toMatchObject({ state: 'at_risk', shareUsed: 0.5 });
  });

  it('holds still while paused, and counts calendar-day clocks in real minutes', () => {
    const paused = SlaClock.pause(clock, at('2026-01-05 13:30'), calendar);
    expect(SlaClock.state(paused, at('2026-01-20 10:00'), calendar)).toMatchObject({ state: 'on_track', paused: true, minutesLeft: 300 });
    const days = SlaClock.start(petition, at('2026-05-04 10:00'), calendar);
    expect(SlaClock.state(days, at('2026-06-02 17:30'), calendar)).toMatchObject({ state: 'at_risk', minutesLeft: 24 * 60, measure: 'calendar_minutes' });
  });
});

describe('SlaClock — deadline versions', () => {
  it('bumps the version on every change and refuses changes once stopped', () => {
    const v1 = SlaClock.start(informationRequest, at('2026-01-05 09:00'), calendar);
    const v2 = SlaClock.pause(v1, at('2026-01-06 09:00'), calendar);
    const v3 = SlaClock.resume(v2, at('2026-01-07 09:00'), calendar);
    const v4 = SlaClock.extend(v3, at('2026-01-08 09:00'), 'consulting', calendar);
    const v5 = SlaClock.restart(v4, informationRequest, at('2026-01-09 09:00'), calendar);
    const v6 = SlaClock.stop(v5, at('2026-01-12 09:00'));
    expect([v1, v2, v3, v4, v5, v6].map((c) => c.deadlineVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(v1.deadlineVersion).toBe(1);
    expect(() => SlaClock.stop(v6, at('2026-01-13 09:00'))).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_STOPPED' }));
    expect(() => SlaClock.pause(v6, at('2026-01-13 09:00'), calendar)).toThrow(expect.objectContaining({ code: 'SLA_CLOCK_STOPPED' }));
    expect(SlaClock.state(v6, at('2026-12-31 09:00'), calendar).state).toBe('on_track');
  });
});
