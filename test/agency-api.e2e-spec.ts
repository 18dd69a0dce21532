import request from 'supertest';
import { catalogs } from '@petitio/i18n';
import { submitRouted, versionOf } from './support/applications';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, agencyId, staffUser } from './support/staff';

const RATE_LIMIT = 40;
const en = catalogs.texts('api', 'en');

/**
 * An agency's own case system, driven as it would drive Petitio with its agency API key: it lists its subtree's
 * applications and keeps a copy current, reads one, and works it through the same casework as the console, under
 * the same rules and into the same history; nothing outside its subtree, no staff-only route, every call kept.
 */
describe('agency integration API', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let iski: { id: string; key: string };
  let agency: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ env: { AGENCY_API_REQUESTS_PER_MINUTE: String(RATE_LIMIT) } });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    agency = { ISKI: await agencyId(stack.db, 'ISKI'), 'ISKI-KDK': await agencyId(stack.db, 'ISKI-KDK'), ASKI: await agencyId(stack.db, 'ASKI') };
    iski = await issueKey('İSKİ case system', agency.ISKI);
  });
  afterAll(() => stack?.stop());

  async function issueKey(name: string, forAgency: string): Promise<{ id: string; key: string }> {
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name, kind: 'agency', agencyId: forAgency })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'agency', agencyId: forAgency, keyHint: res.body.key.slice(-4) });
    return { id: res.body.id, key: res.body.key };
  }
  const get = (path: string, key = iski.key) => request(stack.apiUrl).get(`/api/v1/staff/${path}`).set('Authorization', `Bearer ${key}`);
  const act = async (id: string, action: string, body: Record<string, unknown> = {}, key = iski.key) =>
    request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${id}/${action}`)
      .set('Authorization', `Bearer ${key}`)
      .send({ version: await versionOf(stack, id), ...body });
  const integrationAccount = async (clientId: string) =>
    (await stack.db.query('SELECT staff_user_id FROM api_clients WHERE id = $1', [clientId])).rows[0].staff_user_id as string;

  it('issues agency keys for an agency only, with their agency named', async () => {
    const missing = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'No agency', kind: 'agency' })
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'agencyId' })]);
    const unknown = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'Nowhere', kind: 'agency', agencyId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', code: 'unknown' })]);
    const open311 = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'City app', kind: 'open311', agencyId: agency.ISKI })
      .expect(400);
    expect(open311.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', code: 'unexpected' })]);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM api_clients WHERE name IN ('No agency', 'Nowhere', 'City app')`);
    expect(rows[0].n).toBe(0);
  });

  it("lists its subtree's applications, keeps a copy current by updatedSince and cursor, and reads one", async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const mine = await submitRouted(stack);
    const other = await submitRouted(stack, { location: { provinceCode: 'TR-06', districtCode: 'TR-06-CNK' } });
    expect(mine.agency).toBe('ISKI-KDK');
    expect(other.agency).toBe('ASKI');

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await get('applications')
        .query({ sort: 'updatedAt', order: 'asc', updatedSince: before, limit: 1, ...(cursor ? { cursor } : {}) })
        .expect(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);
    const later = await get('applications')
      .query({ updatedSince: new Date(Date.now() + 60_000).toISOString() })
      .expect(200);
    expect(later.body.items).toEqual([]);
    const badSince = await get('applications').query({ updatedSince: 'yesterday' }).expect(400);
    expect(badSince.body.errors).toEqual([expect.objectContaining({ field: 'updatedSince' })]);

    const one = await get(`applications/${mine.id}`).expect(200);
    // Pseudonymised, as for staff; a key cannot reveal the citizen (a reveal is a person's act, with their reason).
    expect(one.body).toMatchObject({ id: mine.id, agency: expect.objectContaining({ code: 'ISKI-KDK' }), citizen: null, pseudonym: expect.any(String) });
    const reveal = await request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${mine.id}/reveal`)
      .set('Authorization', `Bearer ${iski.key}`)
      .send({ reason: 'Synchronising the case file' })
      .expect(403);
    expect(reveal.body.citizen).toBeUndefined();
    // Another agency's application is as absent as one that does not exist, for reading and for acting.
    expect((await get(`applications/${other.id}`).expect(404)).body.code).toBe('APPLICATION_NOT_FOUND');
    expect((await act(other.id, 'acknowledge')).status).toBe(404);
  });

  it('works an application the way the console does: acknowledge, ask, interim answer, answer, in the same history', async () => {
    const app = await submitRouted(stack);
    const account = await integrationAccount(iski.id);

    const acknowledged = await act(app.id, 'acknowledge');
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'in_progress' });
    const again = await act(app.id, 'acknowledge');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ASSIGNED');

    expect((await act(app.id, 'information-requests', { question: 'Which building number?' })).body).toMatchObject({ status: 'awaiting_citizen' });
    await request(stack.apiUrl).post(`/api/v1/applications/${app.trackingNumber}/replies`).send({ accessCode: app.accessCode, text: 'Number 12.' }).expect(201);
    expect((await act(app.id, 'interim-answers', { text: 'A crew is on its way.' })).status).toBe(201);
    const stale = await request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${app.id}/answers`)
      .set('Authorization', `Bearer ${iski.key}`)
      .send({ version: 1, text: 'Fixed.' });
    expect(stale.status).toBe(409);
    expect((await act(app.id, 'answers', { text: 'The pipe was repaired this afternoon.' })).body).toMatchObject({ status: 'answered' });

    const { rows } = await stack.db.query(
      `SELECT kind, actor_type, actor_id FROM application_events WHERE application_id = $1 AND actor_type = 'staff' ORDER BY id`,
      [app.id],
    );
    expect(rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['assigned', 'status_changed', 'information_requested', 'interim_answer', 'answered']));
    expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set([account]));
    const detail = await get(`applications/${app.id}`).expect(200);
    expect(detail.body.assignedOfficer).toMatchObject({ id: account, displayName: 'İSKİ case system' });
    expect(detail.body.history.find((h: { kind: string }) => h.kind === 'answered').actor.displayName).toBe('İSKİ case system');
    const answer = await stack.db.query(`SELECT author_staff_id FROM application_messages WHERE application_id = $1 AND kind = 'answer'`, [app.id]);
    expect(answer.rows).toEqual([{ author_staff_id: account }]);
  });

  it('transfers and rejects with the reason codes it lists', async () => {
    const reasons = await get('reason-codes').expect(200);
    expect(reasons.body.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['misrouted', 'speculative']));

    const toMove = await submitRouted(stack);
    const moved = await act(toMove.id, 'transfers', { toAgencyId: agency.ASKI, reasonCode: 'misrouted' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'routed', agencyId: agency.ASKI });
    // Gone from its subtree with the transfer.
    await get(`applications/${toMove.id}`).expect(404);

    const toReject = await submitRouted(stack);
    const unknownReason = await act(toReject.id, 'rejections', { reasonCode: 'no_such_reason', text: 'Nothing concrete.' });
    expect(unknownReason.status).toBe(400);
    const rejected = await act(toReject.id, 'rejections', { reasonCode: 'speculative', text: 'Nothing concrete.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected' });
  });

  it('is refused on every staff-only route, never signs in, and is no colleague to list or assign', async () => {
    const app = await submitRouted(stack);
    const claim = await act(app.id, 'claim');
    expect(claim.status).toBe(403);
    expect(claim.body).toMatchObject({ code: 'FORBIDDEN', message: en.problems['FORBIDDEN:agency_api_route'] });
    expect((await get('users').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await get('api-clients').expect(403)).body.code).toBe('FORBIDDEN');

    const account = await integrationAccount(iski.id);
    const { rows } = await stack.db.query('SELECT email, status FROM staff_users WHERE id = $1', [account]);
    expect(rows[0].status).toBe('integration');
    await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: rows[0].email, password: STAFF_PASSWORD }).expect(401);
    const staffList = await request(stack.apiUrl).get('/api/v1/staff/users').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(staffList.body.map((u: { id: string }) => u.id)).not.toContain(account);
    const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor']);
    const assign = await request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${app.id}/assign`)
      .set('Authorization', `Bearer ${supervisor.token}`)
      .send({ version: await versionOf(stack, app.id), officerId: account });
    expect(assign.status).toBe(400);
  });

  it('stops working the moment it is revoked; other kinds of key are no agency key', async () => {
    const spare = await issueKey('Spare system', agency['ISKI-KDK']);
    await get('applications', spare.key).expect(200);
    await request(stack.apiUrl).post(`/api/v1/staff/api-clients/${spare.id}/revoke`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    const revoked = await get('applications', spare.key).expect(401);
    expect(revoked.body.code).toBe('AGENCY_API_KEY_INVALID');

    const open311 = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'City app', kind: 'open311' })
      .expect(201);
    expect((await get('applications', open311.body.key).expect(401)).body.code).toBe('AGENCY_API_KEY_INVALID');
    // And an agency key files no Open311 request.
    const filed = await request(stack.apiUrl).post('/open311/v2/requests.json').type('form').send({ api_key: iski.key, service_code: 'water' });
    expect(filed.status).toBe(403);
  });

  it('limits each key to AGENCY_API_REQUESTS_PER_MINUTE calls, apart from other keys', async () => {
    const busy = await issueKey('Busy system', agency.ISKI);
    let refused: request.Response | undefined;
    for (let i = 0; i <= RATE_LIMIT && !refused; i++) {
      const res = await get('reason-codes', busy.key);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused?.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    await get('reason-codes').expect(200);
  });

  it('keeps every call it makes, refusals included, for the center to see', async () => {
    const watched = await issueKey('Watched system', agency.ISKI);
    const app = await submitRouted(stack);
    await get(`applications/${app.id}`, watched.key).expect(200);
    expect((await act(app.id, 'claim', {}, watched.key)).status).toBe(403);
    expect((await act(app.id, 'acknowledge', {}, watched.key)).status).toBe(200);

    const calls = await waitFor(
      async () => {
        const res = await request(stack.apiUrl).get(`/api/v1/staff/api-clients/${watched.id}/calls`).set('Authorization', `Bearer ${admin.token}`).expect(200);
        return res.body.length >= 3 && res.body;
      },
      10_000,
      'three calls recorded',
    );
    expect(
      calls.map((c: { method: string; route: string; applicationId: string; statusCode: number }) => [c.method, c.route, c.applicationId, c.statusCode]),
    ).toEqual([
      ['POST', '/api/v1/staff/applications/:id/acknowledge', app.id, 200],
      ['POST', '/api/v1/staff/applications/:id/claim', app.id, 403],
      ['GET', '/api/v1/staff/applications/:id', app.id, 200],
    ]);
  });
});
