import request from 'supertest';
import { validApplication } from './support/applications';
import { claimAndAnswer, currentVersion, fileRouted, staffAction } from './support/casework-disposition';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, staffUser } from './support/staff';

describe('privacy and races', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(() => stack?.stop());

  it('never shows a merged citizen the name or contact of the citizen the answer was written to', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    const original = await fileRouted(stack, { citizen: { name: 'Ayşe Yılmaz', email: 'ayse@example.org' } });
    const duplicate = await fileRouted(stack, { citizen: { name: 'Mehmet Kaya', phone: '0532 765 43 21' } });
    await staffAction(stack, officer, duplicate.id, 'duplicate-of', { version: await currentVersion(stack, duplicate.id), originalId: original.id }).expect(
      200,
    );
    await claimAndAnswer(
      stack,
      officer,
      original.id,
      'Dear Ayşe Yılmaz, the valve was replaced. We wrote to ayse@example.org too, and called 0533 444 55 66 about the fee paid from TR33 0006 1005 1978 6457 8413 26 on 12.03.2026.',
    );

    const seen = await request(stack.apiUrl)
      .get(`/api/v1/applications/${duplicate.trackingNumber}/status`)
      .set('X-Access-Code', duplicate.accessCode)
      .expect(200);
    const answer = seen.body.messages.find((m: { kind: string }) => m.kind === 'answer');
    expect(answer.body).toContain('the valve was replaced');
    expect(answer.body).toContain('Mehmet Kaya');
    // Other identifiers in the shared answer are redacted; dates stay.
    expect(answer.body).toContain('called [PHONE] about the fee paid from [IBAN] on 12.03.2026.');
    expect(JSON.stringify(seen.body)).not.toMatch(/Ayşe|Yılmaz|ayse@example\.org/);
    const sent = await stack.db.query(`SELECT params FROM outgoing_messages WHERE application_id = $1 AND template = 'application_answered'`, [duplicate.id]);
    expect(JSON.stringify(sent.rows)).not.toMatch(/Ayşe|Yılmaz|ayse@example\.org|444 55 66|TR33/);
  });

  it('lets an agent who is also an officer read what they filed for another agency, not act on it', async () => {
    const agentOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['agent', 'officer']);
    const filed = await request(stack.apiUrl)
      .post('/api/v1/staff/applications')
      .set('Authorization', `Bearer ${agentOfficer.token}`)
      .send(validApplication())
      .expect(201);
    const id = filed.body.applicationId as string;
    await stack.db.query(`UPDATE applications SET status = 'routed', assigned_agency_id = (SELECT id FROM agencies WHERE code = 'ISKI-KDK') WHERE id = $1`, [
      id,
    ]);
    await request(stack.apiUrl).get(`/api/v1/staff/applications/${id}`).set('Authorization', `Bearer ${agentOfficer.token}`).expect(200);
    const acted = await staffAction(stack, agentOfficer, id, 'notes', { version: await currentVersion(stack, id), text: 'not mine to handle' });
    expect(acted.status).toBe(404);
  });

  it('counts wrong passwords sent in parallel, so a burst still locks the account for that address, and emails the owner once', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(stack.apiUrl)
          .post('/api/v1/staff/session')
          .send({ email: officer.email, password: `guess ${i}` }),
      ),
    );
    const account = await stack.db.query('SELECT failed_logins FROM staff_users WHERE id = $1', [officer.id]);
    expect(account.rows[0]).toEqual({ failed_logins: 10 });
    const { rows } = await stack.db.query('SELECT failures, locked_until > now() AS locked FROM staff_sign_in_failures WHERE user_id = $1', [officer.id]);
    expect(rows).toEqual([{ failures: 10, locked: true }]);
    const locked = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: STAFF_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    // The owner hears of the lock once, not once per racing request.
    const notices = await stack.db.query(`SELECT 1 FROM outgoing_messages WHERE staff_user_id = $1 AND template = 'staff_sign_in_locked'`, [officer.id]);
    expect(notices.rows).toHaveLength(1);
  });

  it('answers 400, not 500, to malformed ids and cursors', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    await request(stack.apiUrl).get('/api/v1/staff/users?agencyId=x').set('Authorization', `Bearer ${admin.token}`).expect(400);
    const forged = Buffer.from(JSON.stringify(['createdAt', 'desc', '2025-13-45T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    );
    const res = await request(stack.apiUrl).get(`/api/v1/staff/applications?cursor=${forged}`).set('Authorization', `Bearer ${admin.token}`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid' })]);
  });
});
