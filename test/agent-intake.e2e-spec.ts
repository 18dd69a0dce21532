import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { countApplications, digits, validApplication } from './support/applications';
import { Submitted, routed, staffGet, submitRouted } from './support/inbox';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { identityOf, phoneHashOf } from './support/identities';

const FILE = '/api/v1/staff/applications';
const callers = (phone: string) => `/api/v1/staff/callers/${encodeURIComponent(phone)}/applications`;

describe('call-center intake and caller lookup', () => {
  let stack: TestStack;
  let agent: TestStaff;
  let admin: TestStaff;
  let officer: TestStaff;

  const file = (staff: TestStaff, body: Record<string, unknown>, key?: string) => {
    const req = request(stack.apiUrl).post(FILE).set('Authorization', `Bearer ${staff.token}`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  beforeAll(async () => {
    stack = await startStack();
    agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent']);
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(() => stack?.stop());

  describe('filing for a caller', () => {
    it('files an agent-channel application in the agent’s name and answers what to read back to the caller', async () => {
      const res = await file(agent, validApplication()).expect(201);
      expect(res.body).toMatchObject({ status: 'received', statusUrl: `/api/v1/applications/${res.body.trackingNumber}/status` });
      expect(res.body.trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
      expect(res.body.accessCode).toMatch(/^\d{8}$/);
      const { rows } = await stack.db.query('SELECT id, channel, filed_by_staff_id FROM applications WHERE tracking_number = $1', [
        digits(res.body.trackingNumber),
      ]);
      expect(rows[0]).toEqual({ id: res.body.applicationId, channel: 'agent', filed_by_staff_id: agent.id });
      expect(await identityOf(stack.db, digits(res.body.trackingNumber))).toMatchObject({ phone: '+905321234567' });
      const history = await stack.db.query('SELECT kind, actor_type, actor_id FROM application_events WHERE application_id = $1 ORDER BY id LIMIT 1', [
        res.body.applicationId,
      ]);
      expect(history.rows[0]).toEqual({ kind: 'received', actor_type: 'staff', actor_id: agent.id });

      // The caller can follow it with what the agent read out.
      const app = await routed(stack, res.body.trackingNumber);
      expect(app.agency).toBe('ISKI-KDK');
      await request(stack.apiUrl).get(`/api/v1/applications/${res.body.trackingNumber}/status`).set('X-Access-Code', res.body.accessCode).expect(200);
    });

    it('replays the first answer for a retried Idempotency-Key and refuses the key to another agent', async () => {
      const key = randomUUID();
      const body = validApplication({ subject: `retried ${key}` });
      const first = await file(agent, body, key).expect(201);
      const before = await countApplications(stack.db);
      const retry = await file(agent, body, key).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toMatchObject({
        trackingNumber: first.body.trackingNumber,
        accessCode: first.body.accessCode,
        applicationId: first.body.applicationId,
      });
      const changed = await file(agent, validApplication({ subject: 'something else' }), key).expect(422);
      expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherAgent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent']);
      const stolen = await file(otherAgent, body, key).expect(422);
      expect(stolen.body).not.toHaveProperty('accessCode');
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('checks the same fields as web intake and stores nothing when one is wrong', async () => {
      const before = await countApplications(stack.db);
      const badPhone = await file(agent, validApplication({ citizen: { phone: '12' } })).expect(400);
      expect(badPhone.body.errors).toEqual([expect.objectContaining({ field: 'citizen.phone', code: 'invalid' })]);
      const unknown = await file(agent, validApplication({ priority: 'high' })).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'priority', code: 'unknown_field' })]);
      const empty = await file(agent, validApplication({ body: '   ' })).expect(400);
      expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
      await file(agent, validApplication(), 'x'.repeat(300)).expect(400);
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('is for agents only', async () => {
      const before = await countApplications(stack.db);
      await file(officer, validApplication()).expect(403);
      await file(admin, validApplication()).expect(403);
      await request(stack.apiUrl).post(FILE).send(validApplication()).expect(401);
      expect(await countApplications(stack.db)).toBe(before);
    });
  });

  describe('finding a caller’s applications by phone', () => {
    const phone = '0542 555 12 34';
    let mine: Submitted[];
    let confidential: Submitted;

    beforeAll(async () => {
      const water = await submitRouted(stack, { citizen: { phone } });
      const health = await submitRouted(stack, { topic: 'health', citizen: { phone: '+90 542 555 1234' } });
      const ankara = await submitRouted(stack, { type: 'request', location: { provinceCode: 'TR-06' }, citizen: { phone } });
      confidential = await submitRouted(stack, { confidential: true, citizen: { name: 'Gizli', phone } });
      await submitRouted(stack, { citizen: { phone: '0542 555 12 35' } });
      mine = [water, health, ankara];
    });

    it('finds them across agencies, newest first, in national or international form', async () => {
      const expectedAll = [confidential, ...[...mine].reverse()].map((a) => a.trackingNumber);
      for (const form of ['05425551234', '+905425551234', '0542 555 12 34', '(0542) 555-1234']) {
        const res = await staffGet(stack, agent.token, callers(form)).set('Accept-Language', 'en').expect(200);
        expect(res.body.items.map((a: { trackingNumber: string }) => a.trackingNumber)).toEqual(expectedAll);
      }
      const res = await staffGet(stack, admin.token, callers('+905425551234')).set('Accept-Language', 'en').expect(200);
      expect(res.body.items[3]).toEqual({
        trackingNumber: mine[0].trackingNumber,
        type: 'complaint',
        topic: 'water',
        status: 'routed',
        createdAt: expect.any(String),
        agency: 'ISKI Kadikoy Branch',
      });
      expect(res.body.items[1]).toMatchObject({ type: 'request', agency: 'Ankara Water and Sewerage Administration' });
    });

    it('records each application shown as a phone lookup', async () => {
      const caller = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent']);
      await staffGet(stack, caller.token, callers(phone)).expect(200);
      const { rows } = await stack.db.query('SELECT application_id, fields FROM personal_data_reads WHERE staff_user_id = $1', [caller.id]);
      expect(rows.map((r: { application_id: string }) => r.application_id).sort()).toEqual([confidential, ...mine].map((a) => a.id).sort());
      expect(rows.every((r: { fields: string[] }) => r.fields.length === 1 && r.fields[0] === 'phone_lookup')).toBe(true);
    });

    it('leaves confidential applications out for an agent outside the center', async () => {
      const outside = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['agent']);
      const res = await staffGet(stack, outside.token, callers(phone)).expect(200);
      expect(res.body.items.map((a: { trackingNumber: string }) => a.trackingNumber)).toEqual([...mine].reverse().map((a) => a.trackingNumber));
    });

    it('answers at most the 20 newest', async () => {
      const busy = '0555 444 33 22';
      for (let i = 0; i < 21; i++) await file(agent, validApplication({ subject: `call ${i}`, citizen: { phone: busy } })).expect(201);
      const res = await staffGet(stack, agent.token, callers(busy)).expect(200);
      const expected = await stack.db.query(
        'SELECT tracking_number FROM applications WHERE citizen_phone_hash = $1 ORDER BY created_at DESC, id DESC LIMIT 20',
        [phoneHashOf('+905554443322')],
      );
      expect(res.body.items.map((a: { trackingNumber: string }) => digits(a.trackingNumber))).toEqual(
        expected.rows.map((r: { tracking_number: string }) => r.tracking_number),
      );
    });

    it('refuses a number that is not a phone number, naming the field', async () => {
      for (const bad of ['12', 'not-a-phone', '+1']) {
        const res = await staffGet(stack, agent.token, callers(bad)).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'phone', code: 'invalid' })]);
      }
    });

    it('is for agents and center admins only', async () => {
      await staffGet(stack, officer.token, callers(phone)).expect(403);
      const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
      await staffGet(stack, supervisor.token, callers(phone)).expect(403);
    });
  });
});
