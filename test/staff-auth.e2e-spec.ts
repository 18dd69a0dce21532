import request from 'supertest';
import { consoleTexts } from '@petitio/web-console';
import { consoleCookie, consoleForm, consolePage, errorNextTo, hiddenIn } from './support/console-forms';
import { STAFF_PASSWORD, TestStaff, invitedUser, staffUser } from './support/staff';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

const t = consoleTexts('en');

describe('staff sign-in and sessions', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCK_SECONDS: '60',
        LOGIN_ACCOUNT_MAX_FAILURES: '6',
        LOGIN_ACCOUNT_BACKOFF_SECONDS: '30',
        LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS: '600',
        LOGIN_CLIENT_MAX_FAILURES: '5',
        LOGIN_CLIENT_WINDOW_SECONDS: '300',
        STAFF_SESSION_IDLE_SECONDS: '3',
        // Each test signs in from addresses of its own, as a proxy in front would say.
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(() => stack?.stop());

  let lastOctet = 0;
  const nextAddress = () => `198.51.100.${++lastOctet}`;
  const signIn = (email: string, password: string, from: string) =>
    request(stack.apiUrl).post('/api/v1/staff/session').set('X-Forwarded-For', from).send({ email, password });

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
    const here = nextAddress();
    const wrong = await signIn(officer.email, 'not the password', here).expect(401);
    const unknown = await signIn('nobody@test.petitio.example', 'x', here).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect({ ...wrong.body, requestId: 0 }).toEqual({ ...unknown.body, requestId: 0 });
  });

  it('locks an account for the address that tried wrong passwords, even against the right one, while the right password from elsewhere still works', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const guesser = nextAddress();
    for (let i = 0; i < 3; i++) await signIn(officer.email, `guess ${i}`, guesser).expect(401);
    const locked = await signIn(officer.email, STAFF_PASSWORD, guesser).expect(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);

    await signIn(officer.email, STAFF_PASSWORD, nextAddress()).expect(201);
    await signIn(officer.email, STAFF_PASSWORD, guesser).expect(429);

    // The address is kept only as a keyed hash.
    const { rows } = await stack.db.query('SELECT client_hash, failures FROM staff_sign_in_failures WHERE user_id = $1', [officer.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].client_hash).toHaveLength(32);
    expect(rows[0].client_hash.toString('latin1')).not.toContain(guesser);

    // Once the lock is over, the right password works from there too and that address's count starts again.
    await stack.db.query(`UPDATE staff_sign_in_failures SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [officer.id]);
    await signIn(officer.email, STAFF_PASSWORD, guesser).expect(201);
    expect((await stack.db.query('SELECT 1 FROM staff_sign_in_failures WHERE user_id = $1', [officer.id])).rows).toHaveLength(0);
  });

  it('doubles the lock of an address for each failure beyond the limit, and emails the owner once', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const guesser = nextAddress();
    const lockSeconds = async () => {
      const { rows } = await stack.db.query('SELECT extract(epoch FROM locked_until - now()) AS s FROM staff_sign_in_failures WHERE user_id = $1', [
        officer.id,
      ]);
      return Number(rows[0].s);
    };
    for (let i = 0; i < 3; i++) await signIn(officer.email, 'bad', guesser);
    expect(await lockSeconds()).toBeGreaterThan(55);
    await stack.db.query(`UPDATE staff_sign_in_failures SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [officer.id]);
    await signIn(officer.email, 'bad', guesser).expect(401);
    expect(await lockSeconds()).toBeGreaterThan(115);

    const { rows } = await stack.db.query(
      `SELECT recipient, language, params FROM outgoing_messages WHERE staff_user_id = $1 AND template = 'staff_sign_in_locked'`,
      [officer.id],
    );
    expect(rows).toEqual([
      { recipient: officer.email, language: 'tr', params: { failures: 3, from: guesser.replace(/\.\d+$/, '.x'), lockedAt: expect.any(String) } },
    ]);
    expect(JSON.stringify(rows[0].params)).not.toContain(guesser);
  });

  it('makes every attempt on an account wait, longer each time, after many wrong passwords from many addresses', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    for (let i = 0; i < 3; i++) {
      const guesser = nextAddress();
      await signIn(officer.email, 'bad', guesser).expect(401);
      await signIn(officer.email, 'worse', guesser).expect(401);
    }
    const waiting = await signIn(officer.email, STAFF_PASSWORD, nextAddress()).expect(429);
    expect(waiting.body.code).toBe('ACCOUNT_BACKOFF');
    const first = Number(waiting.headers['retry-after']);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);

    await stack.db.query(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`, [officer.id]);
    await signIn(officer.email, 'bad', nextAddress()).expect(401);
    const longer = await signIn(officer.email, STAFF_PASSWORD, nextAddress()).expect(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(50);

    // A wait, not a lock: once it is over the right password works and the account's count starts again.
    await stack.db.query(`UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`, [officer.id]);
    await signIn(officer.email, STAFF_PASSWORD, nextAddress()).expect(201);
    const { rows } = await stack.db.query('SELECT failed_logins, locked_until FROM staff_users WHERE id = $1', [officer.id]);
    expect(rows[0]).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('answers 429 with Retry-After to an address that fails on many accounts, on the JSON API and on the console page in its language', async () => {
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
    const sprayer = nextAddress();
    for (let i = 0; i < 5; i++) await signIn(`someone${i}@test.petitio.example`, 'Summer2026!', sprayer).expect(401);
    const refused = await signIn(`someone5@test.petitio.example`, 'Summer2026!', sprayer).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_SIGN_IN_FAILURES');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    await signIn(officer.email, STAFF_PASSWORD, sprayer).expect(429);

    const page = await request(stack.apiUrl)
      .post('/staff/sign-in')
      .set('X-Forwarded-For', sprayer)
      .set('Accept-Language', 'tr')
      .type('form')
      .send({ email: officer.email, password: 'Summer2026!' })
      .expect(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.text).toContain(consoleTexts('tr').signIn.tooManyFromClient({ minutes: 1 }).split('1')[0]);

    await signIn(officer.email, STAFF_PASSWORD, nextAddress()).expect(201);
  });

  it('lets a center admin lift the locks of an account, through the JSON API and the users page', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Locked Officer' });
    const lockOut = async (guesser: string) => {
      for (let i = 0; i < 3; i++) await signIn(officer.email, 'bad', guesser).expect(401);
      await signIn(officer.email, STAFF_PASSWORD, guesser).expect(429);
    };
    const guesser = nextAddress();
    await lockOut(guesser);
    const listed = await request(stack.apiUrl).get('/api/v1/staff/users').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(listed.body.find((u: { id: string }) => u.id === officer.id)).toMatchObject({ locked: true });

    await request(stack.apiUrl).post(`/api/v1/staff/users/${officer.id}/unlock`).set('Authorization', `Bearer ${admin.token}`).expect(204);
    await signIn(officer.email, STAFF_PASSWORD, guesser).expect(201);
    await request(stack.apiUrl)
      .post('/api/v1/staff/users/00000000-0000-4000-8000-000000000000/unlock')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(404);

    const another = nextAddress();
    await lockOut(another);
    const cookie = await consoleCookie(stack, admin);
    const usersPage = (await consolePage(stack, cookie, '/staff/users').expect(200)).text;
    expect(usersPage).toContain(t.users.unlock({ name: 'Locked Officer' }));
    expect(usersPage).toContain(`action="/staff/users/${officer.id}/unlock"`);
    const done = await consoleForm(stack, cookie, `/staff/users/${officer.id}/unlock`, { _csrf: hiddenIn(usersPage, '_csrf') }).expect(303);
    expect(done.headers.location).toBe('/staff/users?done=unlocked');
    await signIn(officer.email, STAFF_PASSWORD, another).expect(201);
    const after = (await consolePage(stack, cookie, '/staff/users?done=unlocked').expect(200)).text;
    expect(after).toContain(t.users.unlocked);
    expect(after).not.toContain(`action="/staff/users/${officer.id}/unlock"`);
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
  describe('the set-password page an invitation links to', () => {
    const tr = consoleTexts('tr');
    const open = (token: string, language = 'en') =>
      request(stack.apiUrl)
        .get(`/staff/set-password?token=${encodeURIComponent(token)}`)
        .set('Accept-Language', language)
        .redirects(0);
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      request(stack.apiUrl).post('/staff/set-password').set('Accept-Language', 'en').set(headers).type('form').send(fields).redirects(0);
    let admin: TestStaff;
    beforeAll(async () => {
      admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    });

    it('shows the password policy, carries the token on in the form, and is sent with no Referer and never cached', async () => {
      const invited = await invitedUser(stack.db, stack.apiUrl, admin.token);
      const page = await open(invited.linkToken).expect(200);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain(t.setPassword.policy({ min: 12 }));
      expect(hiddenIn(page.text, 'token')).toBe(invited.linkToken);
      expect(page.text).toContain('autocomplete="new-password"');
    });

    it('refuses a short password next to the field, then sets the password and lands signed in on the inbox', async () => {
      const invited = await invitedUser(stack.db, stack.apiUrl, admin.token);
      const short = await post({ token: invited.linkToken, password: 'short' }).expect(400);
      expect(short.headers['referrer-policy']).toBe('no-referrer');
      expect(errorNextTo(short.text, 'password')).toBe(t.setPassword.tooShort({ min: 12 }));
      expect(hiddenIn(short.text, 'token')).toBe(invited.linkToken);
      expect(errorNextTo((await post({ token: invited.linkToken, password: '' }).expect(400)).text, 'password')).toBe(t.setPassword.passwordRequired);

      // As Chromium posts from a no-referrer page of ours: Origin "null", Sec-Fetch-Site same-origin.
      const done = await post({ token: invited.linkToken, password: 'a long and new password' }, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }).expect(
        303,
      );
      expect(done.headers.location).toBe('/staff/inbox');
      const cookie = ([] as string[]).concat(done.headers['set-cookie'] ?? []).find((c) => c.startsWith('petitio_staff='))!;
      expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
      await consolePage(stack, cookie.split(';')[0], '/staff/inbox').expect(200);
      await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: invited.email, password: 'a long and new password' }).expect(201);

      const reused = await open(invited.linkToken).expect(400);
      expect(reused.text).toContain(t.setPassword.invalid);
      expect((await post({ token: invited.linkToken, password: 'yet another long password' }).expect(400)).text).toContain(t.setPassword.invalid);
    });

    it('says clearly, in the console language, that a made-up, missing or expired link does not work', async () => {
      expect((await open('00000000-0000-4000-8000-000000000000.forged').expect(400)).text).toContain(t.setPassword.invalid);
      expect((await request(stack.apiUrl).get('/staff/set-password').set('Accept-Language', 'tr').expect(400)).text).toContain(tr.setPassword.invalid);
      const invited = await invitedUser(stack.db, stack.apiUrl, admin.token);
      await stack.db.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [invited.id]);
      const expired = await open(invited.linkToken, 'tr').expect(400);
      expect(expired.text).toContain(tr.setPassword.invalid);
      expect(expired.headers['referrer-policy']).toBe('no-referrer');
    });

    it('refuses a set-password form posted from another site', async () => {
      const invited = await invitedUser(stack.db, stack.apiUrl, admin.token);
      await post({ token: invited.linkToken, password: 'a long and new password' }, { Origin: 'https://evil.example' }).expect(403);
      await post({ token: invited.linkToken, password: 'a long and new password' }, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }).expect(403);
      await open(invited.linkToken).expect(200);
    });
  });
});
