import { Case, actNow, publicStatus, submitCase } from './support/casework';
import { inboxIds, staffGet } from './support/inbox';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const INBOX = '/api/v1/staff/applications';
const HOUR = 3600_000;
const sorted = (ids: string[]) => [...ids].sort();

describe('staff inbox: where each application stands against its deadlines', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let officer: TestStaff;
  let askiOfficer: TestStaff;
  const app: Record<string, Case> = {};

  const clocksStarted = (c: Case, count: number) =>
    waitFor(
      async () => (await stack.db.query('SELECT 1 FROM sla_clocks WHERE application_id = $1', [c.id])).rowCount === count,
      10000,
      `${count} clocks on ${c.id}`,
    );
  /** Moves the application's running answer clock so that its deadline is `hoursFromNow` away. */
  const answerDueIn = (c: Case, hoursFromNow: number) =>
    stack.db.query(`UPDATE sla_clocks SET deadline_at = $2 WHERE application_id = $1 AND kind = 'answer' AND stopped_at IS NULL`, [
      c.id,
      new Date(Date.now() + hoursFromNow * HOUR),
    ]);
  const line = async (staff: TestStaff, c: Case) =>
    (await staffGet(stack, staff.token, INBOX, { limit: '100' }).expect(200)).body.items.find((item: { id: string }) => item.id === c.id);

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    askiOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']);

    for (const name of ['onTrack', 'overdue', 'overdue2', 'soon', 'tomorrowAndAHalf', 'escalated', 'escalatedFirstResponse', 'quietLate']) {
      app[name] = await submitCase(stack, { subject: name });
      await clocksStarted(app[name], 2);
    }
    app.ankaraOverdue = await submitCase(stack, { type: 'suggestion', subject: 'ankara', location: { provinceCode: 'TR-06' } });
    await clocksStarted(app.ankaraOverdue, 2);
    app.paused = await submitCase(stack, { type: 'information_request', subject: 'paused' });
    await clocksStarted(app.paused, 3);
    app.answered = await submitCase(stack, { subject: 'answered' });
    await clocksStarted(app.answered, 2);

    // First responses are due within two working days, which may fall inside the "soon" window: out of the way,
    // after the 30-day answer deadlines.
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() + interval '40 days' WHERE kind = 'first_response'`);
    await answerDueIn(app.overdue, -1);
    await answerDueIn(app.overdue2, -30);
    await answerDueIn(app.ankaraOverdue, -2);
    await answerDueIn(app.soon, 2);
    await answerDueIn(app.tomorrowAndAHalf, 36);
    await answerDueIn(app.quietLate, -3);
    await stack.db.query(`UPDATE sla_clocks SET terms = jsonb_set(terms, '{publicLateFlag}', 'false') WHERE application_id = $1 AND kind = 'answer'`, [
      app.quietLate.id,
    ]);
    await stack.db.query(`UPDATE sla_clocks SET center_escalated_at = now(), escalation_level = 3 WHERE application_id = $1 AND kind = 'answer'`, [
      app.escalated.id,
    ]);
    await stack.db.query(`UPDATE sla_clocks SET center_escalated_at = now(), escalation_level = 2 WHERE application_id = $1 AND kind = 'first_response'`, [
      app.escalatedFirstResponse.id,
    ]);

    // Asked for information, both Law 4982 clocks pause; an old deadline already past does not make them overdue.
    await actNow(stack, officer, app.paused.id, 'claim').expect(200);
    await actNow(stack, officer, app.paused.id, 'information-requests', { question: 'Which year?' }).expect(201);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() - interval '1 day' WHERE application_id = $1 AND paused_at IS NOT NULL`, [app.paused.id]);

    await actNow(stack, officer, app.answered.id, 'claim').expect(200);
    await actNow(stack, officer, app.answered.id, 'answers', { text: 'Repaired.' }).expect(201);
  });
  afterAll(() => stack?.stop());

  it('shows on each line the governing deadline: its state, time left, escalation and whether the center has it', async () => {
    expect(await line(officer, app.onTrack)).toMatchObject({
      sla: { kind: 'answer', state: 'on_track', measure: 'calendar_minutes', paused: false, escalationLevel: 0, centerEscalated: false },
    });
    const overdue = await line(officer, app.overdue);
    expect(overdue.sla).toMatchObject({ kind: 'answer', state: 'breached', paused: false });
    expect(overdue.sla.minutesLeft).toBeLessThan(-55);
    expect(overdue.sla.minutesLeft).toBeGreaterThan(-65);
    const { rows } = await stack.db.query(`SELECT deadline_at FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [app.overdue.id]);
    expect(overdue.sla.deadline).toBe(rows[0].deadline_at.toISOString());
    expect((await line(officer, app.escalated)).sla).toMatchObject({ kind: 'answer', escalationLevel: 3, centerEscalated: true });
    // The escalation shows on the line even when another deadline governs it.
    expect((await line(officer, app.escalatedFirstResponse)).sla).toMatchObject({ kind: 'answer', escalationLevel: 2, centerEscalated: true });
    expect((await line(officer, app.answered)).sla).toBeNull();
  });

  it('shows a paused deadline as paused, with its time left and no date, when every open clock is paused', async () => {
    const { rows } = await stack.db.query(`SELECT min(remaining_minutes) AS least FROM sla_clocks WHERE application_id = $1 AND paused_at IS NOT NULL`, [
      app.paused.id,
    ]);
    const paused = await line(officer, app.paused);
    expect(paused.sla).toMatchObject({ paused: true, deadline: null, measure: 'working_minutes', minutesLeft: rows[0].least });
    expect(['answer', 'information']).toContain(paused.sla.kind);
  });

  it('filters what is overdue: a running deadline already passed, in the caller’s reach only', async () => {
    expect(sorted(await inboxIds(stack, admin.token, { due: 'overdue' }))).toEqual(
      sorted([app.overdue.id, app.overdue2.id, app.quietLate.id, app.ankaraOverdue.id]),
    );
    expect(sorted(await inboxIds(stack, officer.token, { due: 'overdue' }))).toEqual(sorted([app.overdue.id, app.overdue2.id, app.quietLate.id]));
    expect(await inboxIds(stack, askiOfficer.token, { due: 'overdue' })).toEqual([app.ankaraOverdue.id]);
    expect(await inboxIds(stack, admin.token, { due: 'overdue', type: 'suggestion' })).toEqual([app.ankaraOverdue.id]);
  });

  it('filters what falls due soon: a running deadline within the next 24 hours', async () => {
    expect(await inboxIds(stack, admin.token, { due: 'soon' })).toEqual([app.soon.id]);
    expect(await inboxIds(stack, officer.token, { due: 'soon' })).toEqual([app.soon.id]);
    expect(await inboxIds(stack, askiOfficer.token, { due: 'soon' })).toEqual([]);
  });

  it("filters the center's supervision queue: deadlines escalated to the center, within reach", async () => {
    const queue = sorted([app.escalated.id, app.escalatedFirstResponse.id]);
    expect(sorted(await inboxIds(stack, admin.token, { escalated: 'center' }))).toEqual(queue);
    expect(sorted(await inboxIds(stack, officer.token, { escalated: 'center' }))).toEqual(queue);
    expect(await inboxIds(stack, officer.token, { escalated: 'center', due: 'overdue' })).toEqual([]);
    expect(await inboxIds(stack, askiOfficer.token, { escalated: 'center' })).toEqual([]);
  });

  it('pages a deadline filter by keyset like any other listing', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { due: 'overdue', limit: '2', sort: 'updatedAt', order: 'asc', ...(cursor ? { cursor } : {}) };
      const res = await staffGet(stack, officer.token, INBOX, query).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sorted(seen)).toEqual(sorted([app.overdue.id, app.overdue2.id, app.quietLate.id]));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses unknown deadline filters, naming the field', async () => {
    const due = await staffGet(stack, admin.token, INBOX, { due: 'yesterday' }).expect(400);
    expect(due.body.errors.map((e: { field: string }) => e.field)).toEqual(['due']);
    const escalated = await staffGet(stack, admin.token, INBOX, { escalated: 'agency' }).expect(400);
    expect(escalated.body.errors.map((e: { field: string }) => e.field)).toEqual(['escalated']);
  });

  it('shows each deadline’s escalation level, breach, extension and the steps fired in the detail', async () => {
    const { rows } = await stack.db.query(`SELECT id FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [app.escalated.id]);
    const firedAt = new Date(Date.now() - HOUR);
    await stack.db.query(
      `INSERT INTO sla_escalations (clock_id, application_id, run, step, step_kind, level, share, due_at, fired_at, fired_by)
       VALUES ($1, $2, 1, 0, 'warning', 1, 0.5, $3, $3, 'timer'), ($1, $2, 1, 3, 'breach', 2, 1, $4, $4, 'sweeper')`,
      [rows[0].id, app.escalated.id, firedAt, new Date(firedAt.getTime() + 60_000)],
    );
    const detail = (await staffGet(stack, officer.token, `${INBOX}/${app.escalated.id}`).expect(200)).body;
    const answer = detail.deadlines.find((d: { kind: string }) => d.kind === 'answer');
    expect(answer).toMatchObject({ escalationLevel: 3, breachedAt: null, extended: false, extensionReason: null });
    expect(answer.escalations).toEqual([
      { stepKind: 'warning', level: 1, share: 0.5, dueAt: firedAt.toISOString(), firedAt: firedAt.toISOString() },
      {
        stepKind: 'breach',
        level: 2,
        share: 1,
        dueAt: new Date(firedAt.getTime() + 60_000).toISOString(),
        firedAt: new Date(firedAt.getTime() + 60_000).toISOString(),
      },
    ]);
    expect(detail.deadlines.find((d: { kind: string }) => d.kind === 'first_response').escalations).toEqual([]);
    expect(detail.sla).toMatchObject({ kind: 'answer', centerEscalated: true });
  });

  it('tells the citizen the answer is late only when the breached clock’s policy shows breaches publicly', async () => {
    expect((await publicStatus(stack, app.overdue)).deadline).toMatchObject({ late: true, paused: false });
    expect((await publicStatus(stack, app.quietLate)).deadline).toMatchObject({ late: false, paused: false });
    expect((await publicStatus(stack, app.onTrack)).deadline).toMatchObject({ late: false });
  });

  it('shows a breach line on the status page only where it was written as public, and interim answers always', async () => {
    const note = (c: Case, kind: string, data: object) =>
      stack.db.query(`INSERT INTO application_events (application_id, occurred_at, kind, actor_type, data) VALUES ($1, now(), $2, 'system', $3)`, [
        c.id,
        kind,
        JSON.stringify(data),
      ]);
    await note(app.overdue2, 'deadline_breached', { kind: 'answer', public: true });
    await note(app.quietLate, 'deadline_breached', { kind: 'answer', public: false });
    await note(app.quietLate, 'deadline_warning', { kind: 'answer', share: 0.9 });
    await note(app.quietLate, 'interim_answer', {});
    const events = async (c: Case) => (await publicStatus(stack, c)).history.map((h: { event: string }) => h.event);
    expect(await events(app.overdue2)).toContain('deadline_breached');
    const quiet = await events(app.quietLate);
    expect(quiet).not.toContain('deadline_breached');
    expect(quiet).not.toContain('deadline_warning');
    expect(quiet).toContain('interim_answer');
  });
});
