import request from 'supertest';
import { STAFF_PASSWORD, staffUser } from './support/staff';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

describe('staff sign-in and sessions', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60', STAFF_SESSION_IDLE_SECONDS: '3' } });
  });
  afterAll(() => stack?.stop());

  it('signs in with the right password and knows who you are, by bearer token or cookie', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const res = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email.toUpperCase(), password: STAFF_PASSWORD }).expect(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({ id: officer.id, roles: ['officer'], status: 'active' });
    expect(res.headers['set-cookie'][0]).toMatch(/^petitio_session=.+; Path=\/; HttpOnly; SameSite=Strict/);

    const me = await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body).toMatchObject({ id: officer.id, agencyId: officer.agencyId, center: false });
    await request(stack.apiUrl).get('/api/v1/staff/me').set('Cookie', `petitio_session=${res.body.token}`).expect(200);
    const { rows } = await stack.db.query('SELECT token_hash FROM staff_sessions WHERE user_id = $1', [officer.id]);
    expect(rows[0].token_hash.toString('base64url')).not.toBe(res.body.token);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const wrong = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: 'not the password' }).expect(401);
    const unknown = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: 'nobody@test.petitio.example', password: 'x' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect({ ...wrong.body, requestId: 0 }).toEqual({ ...unknown.body, requestId: 0 });
  });

  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    for (let i = 0; i < 3; i++) {
      await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: `guess ${i}` }).expect(401);
    }
    const locked = await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: STAFF_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);

    // Once the lock is over, the right password works and the count starts again.
    await stack.db.query(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`, [officer.id]);
    await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: STAFF_PASSWORD }).expect(201);
    const { rows } = await stack.db.query('SELECT failed_logins, locked_until FROM staff_users WHERE id = $1', [officer.id]);
    expect(rows[0]).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('doubles the lock for each failure beyond the limit', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const lockSeconds = async () => {
      const { rows } = await stack.db.query('SELECT extract(epoch FROM locked_until - now()) AS s FROM staff_users WHERE id = $1', [officer.id]);
      return Number(rows[0].s);
    };
    for (let i = 0; i < 3; i++) await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: 'bad' });
    expect(await lockSeconds()).toBeGreaterThan(55);
    await stack.db.query(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`, [officer.id]);
    await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: 'bad' }).expect(401);
    expect(await lockSeconds()).toBeGreaterThan(115);
  });

  it('revokes the token at sign-out', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    await request(stack.apiUrl).delete('/api/v1/staff/session').set('Authorization', `Bearer ${officer.token}`).expect(204);
    const after = await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${officer.token}`).expect(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session left idle too long', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${officer.token}`).expect(200);
    await waitFor(
      async () => (await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${officer.token}`)).status === 401,
      10000,
      'the idle session to expire',
    );
  });

  it('ends a session at its maximum age', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    await stack.db.query(`UPDATE staff_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [officer.id]);
    await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${officer.token}`).expect(401);
  });

  it('ends every session of a user a center admin disables, and they cannot sign in again', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    await request(stack.apiUrl).post(`/api/v1/staff/users/${officer.id}/disable`).set('Authorization', `Bearer ${admin.token}`).expect(204);
    await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', `Bearer ${officer.token}`).expect(401);
    await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: STAFF_PASSWORD }).expect(401);
  });

  it('lets only center admins create and disable users', async () => {
    const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/users')
      .set('Authorization', `Bearer ${supervisor.token}`)
      .send({ email: 'new@test.petitio.example', displayName: 'New', agencyId: supervisor.agencyId, roles: ['officer'] })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await request(stack.apiUrl).post(`/api/v1/staff/users/${supervisor.id}/disable`).set('Authorization', `Bearer ${supervisor.token}`).expect(403);
  });

  it('validates a new user per field', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email: 'not-an-email', displayName: '', agencyId: 'x', roles: ['king'] })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['agencyId', 'displayName', 'email', 'roles']);
  });

  it('answers 401 without a token', async () => {
    await request(stack.apiUrl).get('/api/v1/staff/me').expect(401);
    await request(stack.apiUrl).get('/api/v1/staff/me').set('Authorization', 'Bearer made-up').expect(401);
  });
});

describe('staff user upkeep', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('answers 404 when disabling someone who does not exist', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/users/00000000-0000-4000-8000-000000000000/disable')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(404);
    expect(res.body.code).toBe('STAFF_USER_NOT_FOUND');
  });

  it('refuses a made-up set-password link', async () => {
    const res = await request(stack.apiUrl)
      .put('/api/v1/staff/password')
      .send({ token: '00000000-0000-4000-8000-000000000000.forged', password: 'a long enough password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_LINK');
  });
});
