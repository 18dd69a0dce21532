import { DateTime } from 'luxon';
import {
  BusinessCalendar,
  BusinessCalendarProvider,
  ClockKind,
  DEFAULT_ESCALATION_TERMS,
  EscalationTimers,
  DeadlinePeriod,
  SlaClock,
  SlaClocksRepository,
  SlaPolicies,
  SlaPolicy,
  StoredSlaClock,
  parseWorkingHours,
} from '@petitio/sla';
import type { OutboxWriter } from '@petitio/platform';
import type { ChangeContext, LockedApplication } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';

const ISTANBUL = 'Europe/Istanbul';
const calendar = new BusinessCalendar({ timeZone: ISTANBUL, country: 'TR', workingDays: [1, 2, 3, 4, 5], workingHours: parseWorkingHours('08:30-17:30') });
const at = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ISTANBUL }).toJSDate();
const local = (instant: Date | null) => instant && DateTime.fromJSDate(instant, { zone: ISTANBUL }).toFormat('yyyy-MM-dd HH:mm');

function policy(
  kind: ClockKind,
  period: DeadlinePeriod,
  onAwaitingCitizen: SlaPolicy['onAwaitingCitizen'],
  onTransfer: SlaPolicy['onTransfer'] = 'keep',
): SlaPolicy {
  return {
    id: `policy-${kind}`,
    code: kind,
    applicationType: null,
    topicId: null,
    agencyId: null,
    kind,
    legalBasis: '',
    active: true,
    period,
    onAwaitingCitizen,
    onTransfer,
    extension: null,
    requiresNoticeBeforeDeadline: false,
    warningShares: [0.5, 0.75, 0.9],
    ...DEFAULT_ESCALATION_TERMS,
  };
}

/** An in-memory stand-in for the sla_clocks table and the history, with the real calendar and pure clocks. */
function world(policies: Partial<Record<ClockKind, SlaPolicy>>, app: Partial<LockedApplication> = {}) {
  const rows: StoredSlaClock[] = [];
  const history: { kind: string; data: { kind: string; deadline: Date | null; reason: string; remainingMinutes?: number } }[] = [];
  const repository = {
    openClocks: async () => rows.filter((c) => !c.stoppedAt).map((c) => ({ ...c })),
    allClocks: async () => rows.map((c) => ({ ...c })),
    insert: async (_m: unknown, applicationId: string, clock: SlaClock) => {
      const stored = { ...clock, id: `clock-${rows.length + 1}`, applicationId };
      rows.push(stored);
      return { ...stored };
    },
    update: async (_m: unknown, clock: StoredSlaClock) => {
      rows[rows.findIndex((c) => c.id === clock.id)] = { ...clock };
    },
  } as unknown as SlaClocksRepository;
  const slaPolicies = {
    policyFor: async (_type: string, _topic: string | null, _agency: string | null, kind: ClockKind) => policies[kind],
  } as unknown as SlaPolicies;
  const calendars = { calendar: async () => calendar } as unknown as BusinessCalendarProvider;
  const routedAt = at('2026-05-11 10:00');
  const ctx = (now: Date, status: LockedApplication['status'] = 'routed'): ChangeContext => ({
    now,
    actor: { type: 'system' },
    app: { id: 'app-1', type: 'complaint', status, assignedAgencyId: 'agency-1', assignedOfficerId: null, ...app } as LockedApplication,
    manager: {
      query: async (sql: string, params: unknown[]) => {
        if (sql.includes('INSERT INTO application_events')) history.push({ kind: params[2] as string, data: JSON.parse(params[5] as string) });
        return sql.includes('SELECT a.topic_id') ? [{ topicId: null, arrivedAt: routedAt }] : [];
      },
    } as unknown as ChangeContext['manager'],
  });
  const clock = (kind: ClockKind) => rows.filter((c) => c.kind === kind).pop()!;
  // The real timer planner over an outbox that keeps what it is given.
  const timerEvents: { aggregateId: string; payload?: Record<string, unknown> }[] = [];
  const outbox = { append: async (_m: unknown, events: typeof timerEvents) => void timerEvents.push(...events) } as unknown as OutboxWriter;
  return { deadlines: new ApplicationDeadlines(repository, slaPolicies, calendars, new EscalationTimers(outbox)), rows, history, ctx, clock, timerEvents };
}

const petition = policy('answer', { amount: 30, unit: 'calendar_days' }, 'continue');
const information = policy('answer', { amount: 15, unit: 'working_days' }, 'pause');
const firstResponse = policy('first_response', { amount: 2, unit: 'working_days' }, 'pause');

describe('ApplicationDeadlines', () => {
  it('starts the answer and first-response clocks from the routing, once however often it is told', async () => {
    const w = world({ answer: petition, first_response: firstResponse });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:06')));
    expect(w.rows.map((c) => [c.kind, local(c.startedAt), local(c.deadlineAt)])).toEqual([
      ['answer', '2026-05-11 10:00', '2026-06-10 17:30'],
      ['first_response', '2026-05-11 10:00', '2026-05-13 17:30'],
    ]);
    expect(w.history.map((h) => [h.kind, h.data.kind, h.data.reason])).toEqual([
      ['deadline_set', 'answer', 'routed'],
      ['deadline_set', 'first_response', 'routed'],
    ]);
  });

  it('gives no first-response clock to an application an officer already took, and none of a kind without a policy', async () => {
    const w = world({ answer: petition }, { assignedOfficerId: 'officer-1' });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    expect(w.rows.map((c) => c.kind)).toEqual(['answer']);
  });

  it('runs an information clock beside the answer for an information request', async () => {
    const w = world(
      { answer: information, first_response: firstResponse, information: policy('information', { amount: 15, unit: 'working_days' }, 'pause') },
      { type: 'information_request' },
    );
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    // 19 May and the Kurban Bayramı (27-29 May) do not count; the half-day eve does.
    expect(w.rows.map((c) => [c.kind, local(c.deadlineAt)])).toEqual([
      ['answer', '2026-06-05 17:30'],
      ['first_response', '2026-05-13 17:30'],
      ['information', '2026-06-05 17:30'],
    ]);
  });

  it('pauses a pause-policy clock while the citizen is asked, keeps a continue-policy clock running, and resumes with the working time left', async () => {
    const w = world({ answer: information, first_response: policy('first_response', { amount: 2, unit: 'working_days' }, 'continue') });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    await w.deadlines.onAwaitingCitizen(w.ctx(at('2026-05-22 12:00'), 'awaiting_citizen'));
    expect(w.clock('answer')).toMatchObject({ pausedAt: at('2026-05-22 12:00'), remainingMinutes: 330 + 540 + 270 + 5 * 540, deadlineVersion: 2 });
    expect(w.clock('first_response').pausedAt).toBeNull();
    expect(w.history.at(-1)).toEqual({
      kind: 'clock_paused',
      data: { kind: 'answer', deadline: null, reason: 'information_requested', remainingMinutes: 3840 },
    });

    await w.deadlines.onCitizenReplied(w.ctx(at('2026-06-01 08:30'), 'in_progress'));
    expect(local(w.clock('answer').deadlineAt)).toBe('2026-06-10 09:30');
    expect(w.clock('answer')).toMatchObject({ pausedAt: null, remainingMinutes: null, deadlineVersion: 3 });
    expect(w.history.at(-1)).toEqual({
      kind: 'clock_resumed',
      data: { kind: 'answer', deadline: w.clock('answer').deadlineAt.toISOString(), reason: 'citizen_replied' },
    });
  });

  it('gives the full period again from the reply under a restart policy', async () => {
    const w = world({ answer: policy('answer', { amount: 30, unit: 'calendar_days' }, 'restart') });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    await w.deadlines.onAwaitingCitizen(w.ctx(at('2026-05-20 11:00'), 'awaiting_citizen'));
    await w.deadlines.onCitizenReplied(w.ctx(at('2026-06-02 11:00'), 'in_progress'));
    expect([local(w.clock('answer').startedAt), local(w.clock('answer').deadlineAt)]).toEqual(['2026-06-02 11:00', '2026-07-02 17:30']);
    expect(w.history.map((h) => h.kind)).toEqual(['deadline_set', 'clock_paused', 'clock_restarted']);
  });

  it('starts clocks that arrive while the citizen is already asked as paused', async () => {
    const w = world({ answer: information });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05'), 'awaiting_citizen'));
    expect(w.clock('answer').pausedAt).toEqual(at('2026-05-11 10:05'));
  });

  it('keeps deadlines on a transfer unless the terms restart them', async () => {
    const w = world(
      { answer: petition, information: policy('information', { amount: 15, unit: 'working_days' }, 'pause', 'restart') },
      { type: 'information_request' },
    );
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    const answerBefore = w.clock('answer').deadlineAt;
    await w.deadlines.onTransferred(w.ctx(at('2026-05-12 10:00')));
    expect(w.clock('answer')).toMatchObject({ deadlineAt: answerBefore, deadlineVersion: 1 });
    expect(w.clock('information')).toMatchObject({ startedAt: at('2026-05-12 10:00'), deadlineVersion: 2 });
  });

  it('stops the first-response clock on the first response, and every clock on the answer', async () => {
    const w = world({ answer: petition, first_response: firstResponse });
    await w.deadlines.onRouted(w.ctx(at('2026-05-11 10:05')));
    await w.deadlines.onFirstResponse(w.ctx(at('2026-05-11 11:00'), 'assigned'));
    expect(w.rows.map((c) => [c.kind, local(c.stoppedAt)])).toEqual([
      ['answer', null],
      ['first_response', '2026-05-11 11:00'],
    ]);
    await w.deadlines.onConcluded(w.ctx(at('2026-05-12 11:00'), 'answered'));
    expect(w.rows.map((c) => local(c.stoppedAt))).toEqual(['2026-05-12 11:00', '2026-05-11 11:00']);
    expect(w.history.slice(-2).map((h) => [h.kind, h.data.kind, h.data.reason])).toEqual([
      ['clock_stopped', 'first_response', 'first_response'],
      ['clock_stopped', 'answer', 'answered'],
    ]);
  });
});
