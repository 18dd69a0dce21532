import request from 'supertest';
import { staffUser } from './support/staff';
import { TestStack, startStack } from './support/stack';

describe('calendar closures kept by center admins', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('lets a center admin add a closure, list it and remove it', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const created = await request(stack.apiUrl)
      .post('/api/v1/staff/calendar/closures')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ startsAt: '2026-02-06T00:00:00+03:00', endsAt: '2026-02-09T00:00:00+03:00', reason: 'Earthquake: offices closed by decree', regionCode: '31' })
      .expect(201);
    expect(created.body).toMatchObject({
      startsAt: '2026-02-05T21:00:00.000Z',
      endsAt: '2026-02-08T21:00:00.000Z',
      reason: 'Earthquake: offices closed by decree',
      regionCode: '31',
      createdBy: admin.id,
    });

    const listed = await request(stack.apiUrl).get('/api/v1/staff/calendar/closures').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ id: created.body.id, reason: 'Earthquake: offices closed by decree' }));

    await request(stack.apiUrl).delete(`/api/v1/staff/calendar/closures/${created.body.id}`).set('Authorization', `Bearer ${admin.token}`).expect(204);
    await request(stack.apiUrl).delete(`/api/v1/staff/calendar/closures/${created.body.id}`).set('Authorization', `Bearer ${admin.token}`).expect(404);
    const after = await request(stack.apiUrl).get('/api/v1/staff/calendar/closures').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(after.body.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
  });

  it('refuses officers and supervisors with 403, and nobody signed in with 401', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
    const body = { startsAt: '2026-02-06T00:00:00+03:00', endsAt: '2026-02-07T00:00:00+03:00', reason: 'leave day' };
    for (const staff of [officer, supervisor]) {
      await request(stack.apiUrl).get('/api/v1/staff/calendar/closures').set('Authorization', `Bearer ${staff.token}`).expect(403);
      await request(stack.apiUrl).post('/api/v1/staff/calendar/closures').set('Authorization', `Bearer ${staff.token}`).send(body).expect(403);
    }
    await request(stack.apiUrl).get('/api/v1/staff/calendar/closures').expect(401);
    const { rows } = await stack.db.query("SELECT count(*)::int AS n FROM calendar_closures WHERE reason = 'leave day'");
    expect(rows[0].n).toBe(0);
  });

  it('answers bad input with 400 and one problem per field, storing nothing', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const post = (body: object) =>
      request(stack.apiUrl).post('/api/v1/staff/calendar/closures').set('Authorization', `Bearer ${admin.token}`).send(body).expect(400);

    const backwards = await post({ startsAt: '2026-02-09T00:00:00+03:00', endsAt: '2026-02-06T00:00:00+03:00', reason: 'x' });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt', message: 'endsAt must be after startsAt' })]);

    const same = await post({ startsAt: '2026-02-06T00:00:00Z', endsAt: '2026-02-06T03:00:00+03:00', reason: 'x' });
    expect(same.body.errors.map((e: { field: string }) => e.field)).toEqual(['endsAt']);

    const missing = await post({});
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsAt', 'reason', 'startsAt']);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'reason', message: 'reason is required' }));

    const bad = await post({ startsAt: 'tomorrow', endsAt: '2026-02-06', reason: '   ', regionCode: 'İstanbul!', extra: 1 });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsAt', 'extra', 'reason', 'regionCode', 'startsAt']);

    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM calendar_closures WHERE created_by = $1', [admin.id]);
    expect(rows[0].n).toBe(0);
  });
});
