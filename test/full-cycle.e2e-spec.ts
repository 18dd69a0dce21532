import request from 'supertest';
import { routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { withCitizenContacts } from './support/identities';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

/**
 * One application's whole life, driven only through the HTTP API as the citizen and the
 * officer would: the officer reads the version from the detail view before each action.
 */
describe('the full cycle of an application', () => {
  let stack: TestStack;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(() => stack?.stop());

  const detail = async (id: string) =>
    (await request(stack.apiUrl).get(`/api/v1/staff/applications/${id}`).set('Authorization', `Bearer ${officer.token}`).expect(200)).body;

  const act = async (id: string, action: string, body: Record<string, unknown> = {}) => {
    const { version } = await detail(id);
    return request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${id}/${action}`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ version, ...body })
      .expect((res) => expect([200, 201]).toContain(res.status));
  };

  it('received → routed → assigned → awaiting citizen → reply → answered → rated → reopened → answered → closed', async () => {
    const api = request(stack.apiUrl);
    const submitted = await api
      .post('/api/v1/applications')
      .send(validApplication({ citizen: { email: 'ayse@example.org' } }))
      .expect(201);
    const { trackingNumber, accessCode } = submitted.body;
    const status = async () => (await api.get(`/api/v1/applications/${trackingNumber}/status`).set('X-Access-Code', accessCode).expect(200)).body;
    expect(await routedAgencyCode(stack.db, trackingNumber)).toBe('ISKI-KDK');

    // The officer finds it in the agency's inbox, unassigned.
    const inbox = await api.get('/api/v1/staff/applications?unassigned=true').set('Authorization', `Bearer ${officer.token}`).expect(200);
    const item = inbox.body.items.find((i: { trackingNumber: string }) => i.trackingNumber === trackingNumber);
    expect(item).toMatchObject({ status: 'routed' });
    const id = item.id as string;

    await act(id, 'claim');
    expect((await detail(id)).status).toBe('assigned');

    await act(id, 'information-requests', { question: 'Which building number is affected?' });
    expect((await status()).status).toBe('awaiting_citizen');
    expect((await status()).messages).toEqual([expect.objectContaining({ direction: 'to_citizen', body: 'Which building number is affected?' })]);

    await api.post(`/api/v1/applications/${trackingNumber}/replies`).send({ accessCode, text: 'Number 12, all flats.' }).expect(201);
    expect((await detail(id)).status).toBe('in_progress');

    await act(id, 'answers', { text: 'The main was repaired on Tuesday.' });
    expect((await status()).status).toBe('answered');

    // A poor rating opens an appeal: the application is back with the agency.
    await api.post(`/api/v1/applications/${trackingNumber}/rating`).send({ accessCode, score: 1, comment: 'Still no water.' }).expect(200);
    expect((await status()).status).toBe('reopened');

    await act(id, 'claim');
    await act(id, 'answers', { text: 'A second crew fixed the valve; water is back.' });
    await act(id, 'close');

    const final = await status();
    expect(final.status).toBe('closed');
    expect(final.history.map((h: { status: string | null }) => h.status).filter(Boolean)).toEqual(
      expect.arrayContaining(['received', 'routed', 'assigned', 'awaiting_citizen', 'in_progress', 'answered', 'reopened', 'closed']),
    );
    expect(final.messages.filter((m: { kind: string }) => m.kind === 'answer')).toHaveLength(2);

    // Every message to the citizen went to the email they gave, and the history chain is intact.
    await waitFor(
      async () => {
        const { rows } = await stack.db.query(
          `SELECT channel, recipient, to_citizen, application_id FROM outgoing_messages WHERE application_id = $1 AND staff_user_id IS NULL`,
          [id],
        );
        const addressed = await withCitizenContacts(stack.db, rows);
        return addressed.filter((m) => m.channel === 'email' && m.recipient === 'ayse@example.org').length >= 3;
      },
      5000,
      'the messages to the citizen',
    );
    const chain = await stack.db.query(
      `SELECT count(*)::int AS broken FROM (
         SELECT prev_hash, lag(hash) OVER (ORDER BY id) AS previous FROM application_events WHERE application_id = $1
       ) e WHERE e.prev_hash IS DISTINCT FROM e.previous`,
      [id],
    );
    expect(chain.rows[0].broken).toBe(0);
  });
});
