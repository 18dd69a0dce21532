import request from 'supertest';
import { DeadlinePeriod } from '@petitio/sla';
import { Case, act, actNow, publicStatus, submitCase, versionOf } from './support/casework';
import { stackCalendar } from './support/deadlines';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';

const calendar = stackCalendar;

interface ClockRow {
  kind: string;
  started_at: Date;
  deadline_at: Date;
  paused_at: Date | null;
  remaining_minutes: number | null;
  stopped_at: Date | null;
  deadline_version: number;
}

describe('deadlines: SLA clocks follow the application through its life', () => {
  let stack: TestStack;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(() => stack?.stop());

  const clocksOf = async (id: string): Promise<ClockRow[]> =>
    (
      await stack.db.query(
        `SELECT kind, started_at, deadline_at, paused_at, remaining_minutes, stopped_at, deadline_version FROM sla_clocks WHERE application_id = $1 ORDER BY kind`,
        [id],
      )
    ).rows;
  const clock = async (id: string, kind: string) => (await clocksOf(id)).find((c) => c.kind === kind)!;
  const clocksStarted = (id: string, count: number) =>
    waitFor(async () => (await clocksOf(id)).length === count && clocksOf(id), 10000, `${count} clocks on ${id}`);
  const routedAt = async (id: string): Promise<Date> => (await stack.db.query('SELECT routed_at FROM applications WHERE id = $1', [id])).rows[0].routed_at;
  const due = (from: Date, period: DeadlinePeriod) => calendar.add(from, period).toISOString();
  const detail = async (c: Case) =>
    (await request(stack.apiUrl).get(`/api/v1/staff/applications/${c.id}`).set('Authorization', `Bearer ${officer.token}`).expect(200)).body;
  const deadlineOf = async (c: Case, kind: string) => (await detail(c)).deadlines.find((d: { kind: string }) => d.kind === kind);
  const reply = (c: Case, text: string) =>
    request(stack.apiUrl).post(`/api/v1/applications/${c.trackingNumber}/replies`).send({ accessCode: c.accessCode, text }).expect(201);

  it('gives a routed complaint a 30-calendar-day answer deadline and a 2-working-day first response, shown to staff and citizen', async () => {
    const c = await submitCase(stack);
    const clocks = await clocksStarted(c.id, 2);
    const routed = await routedAt(c.id);
    expect(clocks.map((k) => [k.kind, k.started_at.toISOString(), k.deadline_at.toISOString(), k.deadline_version])).toEqual([
      ['answer', routed.toISOString(), due(routed, { amount: 30, unit: 'calendar_days' }), 1],
      ['first_response', routed.toISOString(), due(routed, { amount: 2, unit: 'working_days' }), 1],
    ]);

    const seen = await detail(c);
    expect(seen.deadlines).toEqual([
      expect.objectContaining({
        kind: 'answer',
        deadline: due(routed, { amount: 30, unit: 'calendar_days' }),
        state: 'on_track',
        paused: false,
        stopped: false,
        measure: 'calendar_minutes',
      }),
      expect.objectContaining({
        kind: 'first_response',
        deadline: due(routed, { amount: 2, unit: 'working_days' }),
        state: 'on_track',
        measure: 'working_minutes',
      }),
    ]);
    expect(seen.deadlines[1].minutesLeft).toBeGreaterThan(0);
    // The start day is not counted, but its own working time is still ahead when routed before opening.
    expect(seen.deadlines[1].minutesLeft).toBeLessThanOrEqual(3 * 540);
    // Starting the clocks is no edit: the version staff saw after routing still holds.
    expect(seen.version).toBe(2);

    const status = await publicStatus(stack, c);
    expect(status.history.map((h: { event: string }) => h.event)).toEqual(['received', 'routed', 'deadline_set', 'deadline_set']);
    expect(status.deadline).toEqual({ at: due(routed, { amount: 30, unit: 'calendar_days' }), paused: false, late: false });
  });

  it('stops the first-response clock when an officer claims, keeps a petition-law clock running while the citizen is asked, and stops everything on the answer', async () => {
    const c = await submitCase(stack);
    const [answer] = await clocksStarted(c.id, 2);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    expect((await clock(c.id, 'first_response')).stopped_at).not.toBeNull();
    expect((await clock(c.id, 'answer')).stopped_at).toBeNull();

    // Law 3071 has no stop rule: the complaint's answer clock continues while the citizen is asked.
    await actNow(stack, officer, c.id, 'information-requests', { question: 'Which building?' }).expect(201);
    expect(await clock(c.id, 'answer')).toMatchObject({ paused_at: null, deadline_version: 1, deadline_at: answer.deadline_at });
    await reply(c, 'Number 12.');

    await actNow(stack, officer, c.id, 'answers', { text: 'Fixed on Tuesday.' }).expect(201);
    expect((await clocksOf(c.id)).map((k) => k.stopped_at !== null)).toEqual([true, true]);
    expect((await detail(c)).deadlines.map((d: { stopped: boolean; state: string }) => [d.stopped, d.state])).toEqual([
      [true, 'on_track'],
      [true, 'on_track'],
    ]);
    const status = await publicStatus(stack, c);
    expect(status.history.map((h: { event: string }) => h.event).filter((e: string) => e.startsWith('clock_'))).toEqual(['clock_stopped', 'clock_stopped']);
    // Each line says which deadline stopped and why.
    expect(status.history.filter((h: { event: string }) => h.event === 'clock_stopped').map((h: { deadline: unknown }) => h.deadline)).toEqual([
      { kind: 'first_response', reason: 'first_response', at: null },
      { kind: 'answer', reason: 'answered', at: null },
    ]);
    expect(status.deadline).toMatchObject({ late: false });
  });

  it('gives an information request 15 working days, paused while the citizen is asked and resumed with the working time left', async () => {
    const c = await submitCase(stack, { type: 'information_request' });
    await clocksStarted(c.id, 3);
    const routed = await routedAt(c.id);
    const before = await clock(c.id, 'answer');
    expect(before.deadline_at.toISOString()).toBe(due(routed, { amount: 15, unit: 'working_days' }));
    expect((await clock(c.id, 'information')).deadline_at.toISOString()).toBe(due(routed, { amount: 15, unit: 'working_days' }));
    await actNow(stack, officer, c.id, 'claim').expect(200);

    const asked = await actNow(stack, officer, c.id, 'information-requests', { question: 'Which year’s budget?' }).expect(201);
    // Pausing writes history but is no edit: the version returned is the one the next change needs.
    expect(asked.body.version).toBe(await versionOf(stack, c.id));
    const paused = await clock(c.id, 'answer');
    expect(paused.paused_at).not.toBeNull();
    expect(paused.deadline_version).toBe(2);
    expect(paused.remaining_minutes).toBe(Math.max(0, calendar.workingMinutesBetween(paused.paused_at!, before.deadline_at)));
    expect((await clock(c.id, 'information')).paused_at).not.toBeNull();
    expect(await deadlineOf(c, 'answer')).toMatchObject({ deadline: null, paused: true, minutesLeft: paused.remaining_minutes, state: 'on_track' });
    expect((await publicStatus(stack, c)).deadline).toEqual({ at: null, paused: true, late: false });

    await reply(c, 'The 2025 budget, please.');
    const resumed = await clock(c.id, 'answer');
    const { rows } = await stack.db.query(`SELECT occurred_at, data FROM application_events WHERE application_id = $1 AND kind = 'clock_resumed' ORDER BY id`, [
      c.id,
    ]);
    expect(rows.map((r: { data: { kind: string; reason: string } }) => [r.data.kind, r.data.reason])).toEqual([
      ['answer', 'citizen_replied'],
      ['information', 'citizen_replied'],
    ]);
    expect(resumed).toMatchObject({ paused_at: null, remaining_minutes: null, deadline_version: 3 });
    expect(rows[0].data.deadline).toBe(resumed.deadline_at.toISOString());
    expect(calendar.workingMinutesBetween(rows[0].occurred_at, resumed.deadline_at)).toBe(paused.remaining_minutes);
    expect(await deadlineOf(c, 'answer')).toMatchObject({ deadline: resumed.deadline_at.toISOString(), paused: false, stopped: false });
  });

  it('keeps the deadline when the application is transferred to another agency', async () => {
    const c = await submitCase(stack);
    const [answer] = await clocksStarted(c.id, 2);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    await act(stack, officer, c.id, 'transfers', {
      version: await versionOf(stack, c.id),
      toAgencyId: await agencyId(stack.db, 'ASKI'),
      reasonCode: 'misrouted',
    }).expect(200);
    // The new agency owes a first response of its own; the citizen's answer deadline does not move.
    await waitFor(
      async () => (await clocksOf(c.id)).filter((k) => k.kind === 'first_response' && !k.stopped_at).length === 1,
      10000,
      'a first-response clock at the new agency',
    );
    expect(await clock(c.id, 'answer')).toMatchObject({ deadline_at: answer.deadline_at, deadline_version: 1, stopped_at: null });
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id]);
    expect(rows[0].n).toBe(1);
  });
});
