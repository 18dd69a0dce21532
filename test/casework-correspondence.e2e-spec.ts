import request from 'supertest';
import { Case, act, actNow, historyKinds, publicStatus, submitCase, versionOf } from './support/casework';
import { withoutClockLines } from './support/deadlines';
import { withCitizenContacts } from './support/identities';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const QUESTION = 'Which building number on Moda Caddesi is without water?';
const REPLY = 'Number 12, and the one next to it.';
const ANSWER = 'The broken main was replaced on Tuesday; water is back at numbers 10 to 14.';
const LOOKUP_LIMIT_PER_MINUTE = 25;

describe('casework: questions to the citizen, their replies, and the answer', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let agent: TestStaff;
  let otherAgencyOfficer: TestStaff;

  beforeAll(async () => {
    // Trusting one proxy hop lets the rate-limit test speak from an address of its own.
    stack = await startStack({ env: { TRUST_PROXY: '1', STATUS_LOOKUP_LIMIT_PER_MINUTE: String(LOOKUP_LIMIT_PER_MINUTE) } });
    [officer, agent, otherAgencyOfficer] = await Promise.all([
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Oya Ozturk' }),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['agent']),
      staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']),
    ]);
  });
  afterAll(() => stack?.stop());

  const reply = (c: Case, body: Record<string, unknown>) => request(stack.apiUrl).post(`/api/v1/applications/${c.trackingNumber}/replies`).send(body);
  const conversation = (status: { messages: { direction: string; kind: string; body: string }[] }) => status.messages.map((m) => [m.direction, m.kind, m.body]);

  it('goes received → routed → assigned → awaiting_citizen → (reply) → in_progress → answered, the citizen seeing question and answer', async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);

    const asked = await actNow(stack, officer, c.id, 'information-requests', { question: QUESTION }).expect(201);
    expect(asked.body).toMatchObject({ status: 'awaiting_citizen', version: await versionOf(stack, c.id) });
    const waiting = await publicStatus(stack, c);
    expect(waiting.status).toBe('awaiting_citizen');
    expect(conversation(waiting)).toEqual([['to_citizen', 'information_request', QUESTION]]);

    const replied = await reply(c, { accessCode: c.accessCode, text: `  ${REPLY}\n` }).expect(201);
    expect(replied.body).toMatchObject({ trackingNumber: c.trackingNumber, status: 'in_progress' });
    expect(new Date(replied.body.receivedAt).getTime()).not.toBeNaN();

    const answered = await actNow(stack, officer, c.id, 'answers', { text: ANSWER }).expect(201);
    expect(answered.body).toMatchObject({ status: 'answered', assignedOfficerId: officer.id });

    const final = await publicStatus(stack, c);
    expect(final.status).toBe('answered');
    expect(withoutClockLines(final.history as { event: string; status: string | null }[], (h) => h.event).map((h) => [h.event, h.status])).toEqual([
      ['received', 'received'],
      ['routed', 'routed'],
      ['assigned', 'assigned'],
      ['information_requested', 'awaiting_citizen'],
      ['citizen_replied', 'in_progress'],
      ['answered', 'answered'],
    ]);
    expect(conversation(final)).toEqual([
      ['to_citizen', 'information_request', QUESTION],
      ['from_citizen', 'citizen_reply', REPLY],
      ['to_citizen', 'answer', ANSWER],
    ]);
    const text = JSON.stringify(final);
    for (const hidden of [officer.id, officer.email, 'Oya Ozturk', 'author']) expect(text).not.toContain(hidden);

    // Both messages to the citizen were queued on their channel: SMS to the phone they gave.
    const { rows: outgoing } = await stack.db.query(
      `SELECT template, channel, recipient, to_citizen, application_id, params FROM outgoing_messages
       WHERE application_id = $1 AND template IN ('information_requested', 'application_answered') ORDER BY created_at`,
      [c.id],
    );
    expect(await withCitizenContacts(stack.db, outgoing)).toEqual([
      { template: 'information_requested', channel: 'sms', recipient: '+905321234567', params: { trackingNumber: c.trackingNumber, body: QUESTION } },
      { template: 'application_answered', channel: 'sms', recipient: '+905321234567', params: { trackingNumber: c.trackingNumber, body: ANSWER } },
    ]);
    const { rows: app } = await stack.db.query('SELECT answered_at FROM applications WHERE id = $1', [c.id]);
    expect(app[0].answered_at).toBeInstanceOf(Date);
    const { rows: messages } = await stack.db.query(
      `SELECT direction, channel, author_staff_id FROM application_messages WHERE application_id = $1 ORDER BY created_at`,
      [c.id],
    );
    expect(messages).toEqual([
      { direction: 'to_citizen', channel: 'sms', author_staff_id: officer.id },
      { direction: 'from_citizen', channel: 'web', author_staff_id: null },
      { direction: 'to_citizen', channel: 'sms', author_staff_id: officer.id },
    ]);
  });

  it('answers a citizen who gave only an email by email', async () => {
    const c = await submitCase(stack, { citizen: { email: 'ayse@example.org' } });
    await actNow(stack, officer, c.id, 'claim').expect(200);
    await actNow(stack, officer, c.id, 'answers', { text: ANSWER }).expect(201);
    const { rows } = await stack.db.query(
      `SELECT channel, recipient, to_citizen, application_id FROM outgoing_messages WHERE application_id = $1 AND template = 'application_answered'`,
      [c.id],
    );
    expect(await withCitizenContacts(stack.db, rows)).toEqual([{ channel: 'email', recipient: 'ayse@example.org' }]);
  });

  it('attaches a reply nobody asked for without changing the status', async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const version = await versionOf(stack, c.id);
    const res = await reply(c, { accessCode: c.accessCode, text: 'It is also leaking at the corner.' }).expect(201);
    expect(res.body.status).toBe('assigned');
    expect(withoutClockLines(await historyKinds(stack, c.id)).slice(-1)).toEqual(['citizen_message']);
    // The reply is a change of the application: an officer acting on what they saw before it must reload.
    expect(await versionOf(stack, c.id)).toBe(version + 1);
    const status = await publicStatus(stack, c);
    expect(status.status).toBe('assigned');
    expect(conversation(status)).toEqual([['from_citizen', 'citizen_reply', 'It is also leaking at the corner.']]);
  });

  it('attaches a retried reply once when the client sends an Idempotency-Key, and each reply of another key', async () => {
    const c = await submitCase(stack);
    const send = (key: string) =>
      request(stack.apiUrl)
        .post(`/api/v1/applications/${c.trackingNumber}/replies`)
        .set('Idempotency-Key', key)
        .send({ accessCode: c.accessCode, text: 'Number 12.' });
    await send('reply-1').expect(201);
    await send('reply-1').expect(201);
    await send('reply-2').expect(201);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'`, [
      c.id,
    ]);
    expect(rows[0].n).toBe(2);
    expect((await send('k'.repeat(300)).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  });

  it('needs the right access code (the same 404 as the status page) and some text', async () => {
    const c = await submitCase(stack);
    const wrong = await reply(c, { accessCode: c.accessCode === '00000000' ? '11111111' : '00000000', text: 'hello' }).expect(404);
    expect(wrong.body.code).toBe('APPLICATION_NOT_FOUND');
    const missing = await reply(c, {}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessCode', 'text']);
    const blank = await reply(c, { accessCode: c.accessCode, text: '  ' }).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    await request(stack.apiUrl).post(`/api/v1/applications/${c.trackingNumber}/replies`).set('content-type', 'text/plain').send('hello').expect(415);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM application_messages WHERE application_id = $1', [c.id]);
    expect(rows[0].n).toBe(0);
  });

  it('limits replies per client address like status lookups', async () => {
    const c = await submitCase(stack);
    const from = (ip: string) => request(stack.apiUrl).post(`/api/v1/applications/${c.trackingNumber}/replies`).set('X-Forwarded-For', ip).send({});
    for (let i = 0; i < LOOKUP_LIMIT_PER_MINUTE; i++) await from('203.0.113.9').expect(400);
    const limited = await from('203.0.113.9').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await from('203.0.113.10').expect(400);
  });

  it('asks only while the application is being worked, and only one question at a time', async () => {
    const c = await submitCase(stack);
    const routed = await actNow(stack, officer, c.id, 'information-requests', { question: QUESTION }).expect(409);
    expect(routed.body.code).toBe('ILLEGAL_TRANSITION');
    await actNow(stack, officer, c.id, 'claim').expect(200);
    await actNow(stack, officer, c.id, 'information-requests', { question: QUESTION }).expect(201);
    const again = await actNow(stack, officer, c.id, 'information-requests', { question: 'And the floor?' }).expect(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM outgoing_messages WHERE application_id = $1 AND template = 'information_requested'`, [
      c.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses questions and answers from agents (403), other agencies (404), stale versions (409), and without text (400 per field)', async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const version = await versionOf(stack, c.id);
    for (const [action, body] of [
      ['information-requests', { question: QUESTION }],
      ['answers', { text: ANSWER }],
    ] as const) {
      await act(stack, agent, c.id, action, { version, ...body }).expect(403);
      await act(stack, otherAgencyOfficer, c.id, action, { version, ...body }).expect(404);
      const stale = await act(stack, officer, c.id, action, { version: version - 1, ...body }).expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: version });
    }
    const noQuestion = await act(stack, officer, c.id, 'information-requests', {}).expect(400);
    expect(noQuestion.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['question', 'version']);
    const noText = await act(stack, officer, c.id, 'answers', { version }).expect(400);
    expect(noText.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    const both = await act(stack, officer, c.id, 'answers', { version, text: ANSWER, cannedResponseId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'text', code: 'exclusive' })]);
    const tooLong = await act(stack, officer, c.id, 'answers', { version, text: 'x'.repeat(10_001) }).expect(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    expect(await versionOf(stack, c.id)).toBe(version);
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM outgoing_messages WHERE application_id = $1 AND template IN ('information_requested', 'application_answered')`,
      [c.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses to answer an application nobody has taken, or one already answered', async () => {
    const c = await submitCase(stack);
    expect((await actNow(stack, officer, c.id, 'answers', { text: ANSWER }).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
    await actNow(stack, officer, c.id, 'claim').expect(200);
    await actNow(stack, officer, c.id, 'answers', { text: ANSWER }).expect(201);
    expect((await actNow(stack, officer, c.id, 'answers', { text: 'Again' }).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
  });
});
