import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { validApplication } from './support/applications';
import { withoutClockLines } from './support/deadlines';
import { Submitted, inboxIds, routed, staffGet, submitRouted } from './support/inbox';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';

const INBOX = '/api/v1/staff/applications';
const sorted = (ids: string[]) => [...ids].sort();

describe('staff inbox: who sees which application, and whose identity', () => {
  let stack: TestStack;
  let kadikoyOfficer: TestStaff;
  let iskiSupervisor: TestStaff;
  let askiOfficer: TestStaff;
  let admin: TestStaff;
  let dataProtection: TestStaff;
  let agent: TestStaff;
  let kadikoy: Submitted;
  let kadikoy2: Submitted;
  let confidential: Submitted;
  let uskudar: Submitted;
  let health: Submitted;
  let byAgent: Submitted;

  const reads = async (staffId: string, applicationId: string) => {
    const { rows } = await stack.db.query('SELECT fields FROM personal_data_reads WHERE staff_user_id = $1 AND application_id = $2 ORDER BY id', [
      staffId,
      applicationId,
    ]);
    return rows.map((r: { fields: string[] }) => r.fields);
  };
  const reveal = (staff: TestStaff, id: string, reason = 'Calling the citizen back about the building') =>
    request(stack.apiUrl).post(`${INBOX}/${id}/reveal`).set('Authorization', `Bearer ${staff.token}`).send({ reason });

  beforeAll(async () => {
    stack = await startStack();
    kadikoyOfficer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Kadıköy Officer' });
    iskiSupervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
    askiOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']);
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    dataProtection = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['data_protection']);
    agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent']);

    kadikoy = await submitRouted(stack, { citizen: { name: 'Ayşe Yılmaz', phone: '0532 123 45 67' } });
    kadikoy2 = await submitRouted(stack, { citizen: undefined });
    confidential = await submitRouted(stack, {
      confidential: true,
      citizen: { name: 'Gizli Vatandaş', phone: '0533 765 43 21', email: 'gizli@example.org' },
    });
    uskudar = await submitRouted(stack, { location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' } });
    health = await submitRouted(stack, { topic: 'health' });
    const filed = await request(stack.apiUrl)
      .post(INBOX)
      .set('Authorization', `Bearer ${agent.token}`)
      .send(validApplication({ topic: 'roads', body: 'A caller reports a pothole.' }))
      .expect(201);
    byAgent = await routed(stack, filed.body.trackingNumber);
  });
  afterAll(() => stack?.stop());

  it('shows an officer their own agency only', async () => {
    expect(sorted(await inboxIds(stack, kadikoyOfficer.token))).toEqual(sorted([kadikoy.id, kadikoy2.id, confidential.id]));
  });

  it('shows a supervisor their agency and the offices under it', async () => {
    expect(sorted(await inboxIds(stack, iskiSupervisor.token))).toEqual(sorted([kadikoy.id, kadikoy2.id, confidential.id, uskudar.id]));
    expect(await inboxIds(stack, iskiSupervisor.token, { agencyId: await agencyId(stack.db, 'ISKI') })).toEqual([uskudar.id]);
  });

  it('shows the center everything and an agent what they filed', async () => {
    expect(sorted(await inboxIds(stack, admin.token))).toEqual(sorted([kadikoy, kadikoy2, confidential, uskudar, health, byAgent].map((a) => a.id)));
    expect(await inboxIds(stack, agent.token)).toEqual([byAgent.id]);
  });

  it('gives another agency’s officer an empty list and the same 404 as an id that does not exist', async () => {
    expect(await inboxIds(stack, askiOfficer.token)).toEqual([]);
    expect(await inboxIds(stack, askiOfficer.token, { agencyId: await agencyId(stack.db, 'ISKI-KDK') })).toEqual([]);
    const outOfReach = await staffGet(stack, askiOfficer.token, `${INBOX}/${kadikoy.id}`).expect(404);
    const missing = await staffGet(stack, askiOfficer.token, `${INBOX}/${randomUUID()}`).expect(404);
    expect(outOfReach.body.code).toBe('APPLICATION_NOT_FOUND');
    expect({ ...outOfReach.body, requestId: 0 }).toEqual({ ...missing.body, requestId: 0 });
    await staffGet(stack, agent.token, `${INBOX}/${kadikoy.id}`).expect(404);
    await staffGet(stack, kadikoyOfficer.token, `${INBOX}/${uskudar.id}`).expect(404);
    expect(await reads(askiOfficer.id, kadikoy.id)).toEqual([]);
  });

  it('refuses an id that is not a uuid', async () => {
    await staffGet(stack, kadikoyOfficer.token, `${INBOX}/not-a-uuid`).expect(400);
  });

  it('opens an application with its body, location, pseudonymised citizen, history and messages, and records a reveal', async () => {
    await stack.db.query(
      `INSERT INTO application_events (application_id, kind, actor_type, actor_id, data) VALUES ($1, 'note', 'staff', $2, '{"text":"called back"}')`,
      [kadikoy.id, kadikoyOfficer.id],
    );
    await stack.db.query(
      `INSERT INTO application_messages (application_id, direction, kind, channel, body, author_staff_id, created_at)
       VALUES ($1, 'to_citizen', 'info_request', 'sms', 'Which building?', $2, now() - interval '1 minute'),
              ($1, 'from_citizen', 'reply', 'sms', 'Number 12.', NULL, now())`,
      [kadikoy.id, kadikoyOfficer.id],
    );
    const res = await staffGet(stack, kadikoyOfficer.token, `${INBOX}/${kadikoy.id}`).set('Accept-Language', 'en').expect(200);
    const iskiKadikoy = { id: await agencyId(stack.db, 'ISKI-KDK'), code: 'ISKI-KDK', name: 'ISKI Kadikoy Branch' };
    expect(res.body).toMatchObject({
      id: kadikoy.id,
      trackingNumber: kadikoy.trackingNumber,
      type: 'complaint',
      topic: 'water',
      subject: 'No water in our street',
      body: 'Since Monday there has been no running water on Moda Caddesi.',
      status: 'routed',
      channel: 'web',
      language: 'en',
      confidential: false,
      location: { provinceCode: 'TR-34', districtCode: 'TR-34-KDK', latitude: null, longitude: null },
      agency: iskiKadikoy,
      assignedOfficer: null,
      filedBy: null,
      citizen: null,
      pseudonym: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}$/),
      identityHidden: false,
      revealable: true,
      revealed: false,
      reveals: [],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Ayşe|5321234567/);
    expect(withoutClockLines(res.body.history, (h: { kind: string }) => h.kind)).toEqual([
      expect.objectContaining({ kind: 'received', actor: { type: 'citizen', id: null, displayName: null }, fromStatus: null, toStatus: 'received' }),
      expect.objectContaining({
        kind: 'routed',
        actor: { type: 'system', id: null, displayName: null },
        fromStatus: 'received',
        toStatus: 'routed',
        toAgency: iskiKadikoy,
      }),
      expect.objectContaining({
        kind: 'note',
        actor: { type: 'staff', id: kadikoyOfficer.id, displayName: 'Kadıköy Officer' },
        data: { text: 'called back' },
      }),
    ]);
    expect(res.body.messages).toEqual([
      expect.objectContaining({ direction: 'to_citizen', body: 'Which building?', author: { id: kadikoyOfficer.id, displayName: 'Kadıköy Officer' } }),
      expect.objectContaining({ direction: 'from_citizen', body: 'Number 12.', author: null }),
    ]);
    expect(await reads(kadikoyOfficer.id, kadikoy.id)).toEqual([]);

    const revealed = await reveal(kadikoyOfficer, kadikoy.id).expect(200);
    expect(revealed.body).toMatchObject({ citizen: { name: 'Ayşe Yılmaz', phone: '+905321234567', email: null }, revealed: true, reveals: [] });
    expect(await reads(kadikoyOfficer.id, kadikoy.id)).toEqual([['name', 'phone']]);
    // The supervisor sees who revealed the citizen and why.
    const supervised = await staffGet(stack, iskiSupervisor.token, `${INBOX}/${kadikoy.id}`).expect(200);
    expect(supervised.body.reveals).toEqual([
      {
        at: expect.any(String),
        staff: { id: kadikoyOfficer.id, displayName: 'Kadıköy Officer' },
        fields: ['name', 'phone'],
        reason: 'Calling the citizen back about the building',
      },
    ]);
    expect(supervised.body.citizen).toBeNull();
  });

  it('refuses a reveal without a real reason, recording nothing', async () => {
    const short = await reveal(kadikoyOfficer, kadikoy2.id, 'because').expect(400);
    expect(JSON.stringify(short.body)).toContain('reason');
    await reveal(kadikoyOfficer, kadikoy2.id, '          ').expect(400);
    await request(stack.apiUrl).post(`${INBOX}/${kadikoy2.id}/reveal`).set('Authorization', `Bearer ${kadikoyOfficer.token}`).send({}).expect(400);
    expect(await reads(kadikoyOfficer.id, kadikoy2.id)).toEqual([]);
  });

  it('records a reveal even when the citizen gave no identity or contact', async () => {
    const res = await reveal(kadikoyOfficer, kadikoy2.id).expect(200);
    expect(res.body.citizen).toEqual({ name: null, phone: null, email: null });
    expect(await reads(kadikoyOfficer.id, kadikoy2.id)).toEqual([['none']]);
  });

  it('lets no agent reveal, and no one reveal what is out of their reach', async () => {
    const refused = await reveal(agent, byAgent.id).expect(403);
    expect(refused.body.message).toBe('your role does not reveal citizens’ identities');
    await reveal(agent, kadikoy.id).expect(404);
    await reveal(askiOfficer, kadikoy.id).expect(404);
    expect(await reads(agent.id, byAgent.id)).toEqual([]);
  });

  it('never reveals a confidential citizen to the agency or a center admin, only to the data-protection officer, on record', async () => {
    for (const staff of [kadikoyOfficer, iskiSupervisor, admin]) {
      const hidden = await staffGet(stack, staff.token, `${INBOX}/${confidential.id}`).expect(200);
      expect(hidden.body).toMatchObject({ confidential: true, citizen: null, identityHidden: true, revealable: false });
      const refused = await reveal(staff, confidential.id).expect(403);
      expect(refused.body.message).toContain('data-protection officer');
      for (const body of [hidden.body, refused.body]) expect(JSON.stringify(body)).not.toMatch(/Gizli|5337654321|765 43|gizli@/);
      expect(await reads(staff.id, confidential.id)).toEqual([]);
    }
    const pseudonymised = await staffGet(stack, dataProtection.token, `${INBOX}/${confidential.id}`).expect(200);
    expect(pseudonymised.body).toMatchObject({ citizen: null, identityHidden: false, revealable: true });
    const shown = await reveal(dataProtection, confidential.id, 'Court order 2026/118 asks who filed this').expect(200);
    expect(shown.body).toMatchObject({
      citizen: { name: 'Gizli Vatandaş', phone: '+905337654321', email: 'gizli@example.org' },
      revealed: true,
      reveals: [
        expect.objectContaining({ staff: { id: dataProtection.id, displayName: expect.any(String) }, reason: 'Court order 2026/118 asks who filed this' }),
      ],
    });
    expect(await reads(dataProtection.id, confidential.id)).toEqual([['name', 'phone', 'email']]);
  });

  it('lists confidential applications without any identity', async () => {
    const res = await staffGet(stack, kadikoyOfficer.token, INBOX).expect(200);
    const line = res.body.items.find((item: { id: string }) => item.id === confidential.id);
    expect(line.confidential).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/Gizli|Ayşe|\+90/);
  });

  it('shows the agent who filed an application', async () => {
    const res = await staffGet(stack, admin.token, `${INBOX}/${byAgent.id}`).expect(200);
    expect(res.body).toMatchObject({ channel: 'agent', filedBy: { id: agent.id, displayName: 'agent of CENTER' } });
    expect(res.body.history[0].actor).toEqual({ type: 'staff', id: agent.id, displayName: 'agent of CENTER' });
  });
});
