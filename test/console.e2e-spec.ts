import request from 'supertest';
import { consoleTexts } from '@petitio/web-console';
import { consoleCookie } from './support/console-forms';
import { Case, publicStatus, submitCase, versionOf } from './support/casework';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';
import { visibleText } from './support/pages';

const t = consoleTexts('en');
const HOUR = 3600_000;

/** The value of a hidden field on a page (the first form that has it). */
function hiddenIn(page: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  if (value === undefined) throw new Error(`the page carries no ${name}`);
  return value;
}

/** The inbox table's rows: application id → the row's HTML. */
function inboxRows(page: string): Map<string, string> {
  return new Map([...page.matchAll(/<tr data-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1], m[2]]));
}

describe('staff console pages (no JavaScript needed)', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let colleague: TestStaff;
  let kadikoy: Case;
  let uskudar: Case;
  let overdue: Case;

  const clocksStarted = (c: Case) =>
    waitFor(
      async () => (await stack.db.query(`SELECT 1 FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rowCount === 1,
      10000,
      `the answer clock of ${c.id}`,
    );

  beforeAll(async () => {
    stack = await startStack();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Kadıköy Officer' });
    colleague = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Kadıköy Colleague' });
    kadikoy = await submitCase(stack, { subject: 'Water cut on Moda Caddesi', body: 'No running water since Monday at number 12.' });
    uskudar = await submitCase(stack, { subject: 'Water cut in Üsküdar', location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' } });
    overdue = await submitCase(stack, { subject: 'Burst main on Bahariye' });
    for (const c of [kadikoy, uskudar, overdue]) await clocksStarted(c);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() + interval '40 days' WHERE kind = 'first_response'`);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = $2 WHERE application_id = $1 AND kind = 'answer'`, [overdue.id, new Date(Date.now() - 2 * HOUR)]);
  });
  afterAll(() => stack?.stop());

  const signInForm = (fields: Record<string, string>) => request(stack.apiUrl).post('/staff/sign-in').set('Accept-Language', 'en').type('form').send(fields);

  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);

  const get = (cookie: string, path: string) => request(stack.apiUrl).get(path).set('Accept-Language', 'en').set('Cookie', cookie).redirects(0);
  const post = (cookie: string, path: string, fields: Record<string, string>) =>
    request(stack.apiUrl).post(path).set('Accept-Language', 'en').set('Cookie', cookie).type('form').send(fields).redirects(0);

  describe('signing in', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie on /staff and sends the officer to the inbox', async () => {
      const res = await signInForm({ email: officer.email, password: STAFF_PASSWORD }).expect(303);
      expect(res.headers.location).toBe('/staff/inbox');
      const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('petitio_staff='))!;
      expect(cookie).toMatch(/^petitio_staff=[A-Za-z0-9_-]{20,};/);
      expect(cookie).toContain('; HttpOnly');
      expect(cookie).toContain('; SameSite=Strict');
      expect(cookie).toContain('; Path=/staff;');
      // The test stack's public address is http: no Secure flag, else the browser would never send it back.
      expect(cookie).not.toContain('Secure');
      const inbox = await get(cookie.split(';')[0], '/staff/inbox').expect(200);
      expect(inbox.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(inbox.headers['cache-control']).toBe('no-store');
      expect(inbox.headers['content-security-policy']).toContain("script-src 'none'");
      expect(inbox.text).not.toContain('<script');
    });

    it('answers a wrong password and an unknown email with the same generic error, and sets no cookie', async () => {
      const wrong = await signInForm({ email: colleague.email, password: 'not the password' }).expect(401);
      const unknown = await signInForm({ email: 'nobody@test.petitio.example', password: 'not the password' }).expect(401);
      for (const res of [wrong, unknown]) {
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.text).toContain(t.signIn.invalidCredentials);
        expect(res.text).not.toContain('not the password');
      }
      expect(visibleText(wrong.text).replace(colleague.email, '#')).toBe(visibleText(unknown.text).replace('nobody@test.petitio.example', '#'));
    });

    it('says the account is locked, as the API does, after too many wrong passwords from here', async () => {
      const victim = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
      for (let i = 0; i < 5; i++) await signInForm({ email: victim.email, password: `guess ${i}` }).expect(401);
      const res = await signInForm({ email: victim.email, password: STAFF_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
      expect(visibleText(res.text)).toContain(t.signIn.locked({ minutes: 15 }));
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('says every sign-in to the account must wait, after many wrong passwords from everywhere', async () => {
      const victim = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false });
      await stack.db.query(`UPDATE staff_users SET locked_until = now() + interval '10 minutes', failed_logins = 60 WHERE id = $1`, [victim.id]);
      const res = await signInForm({ email: victim.email, password: STAFF_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(500);
      expect(visibleText(res.text)).toContain(t.signIn.backoff({ minutes: 10 }));
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('shows which field is missing instead of trying to sign in', async () => {
      const res = await signInForm({ email: '', password: '' }).expect(400);
      expect(res.text).toContain(t.signIn.emailRequired);
      expect(res.text).toContain(t.signIn.passwordRequired);
      expect(res.text).toContain('aria-invalid="true"');
    });

    it('sends a visitor without a session, or with a made-up one, to the sign-in page', async () => {
      for (const path of ['/staff/inbox', `/staff/applications/${kadikoy.id}`]) {
        const none = await request(stack.apiUrl).get(path).redirects(0).expect(303);
        expect(none.headers.location).toBe('/staff/sign-in');
        const madeUp = await get('petitio_staff=made-up-token', path).expect(303);
        expect(madeUp.headers.location).toBe('/staff/sign-in');
      }
      // The JSON API's bearer token does not open console pages: only the console's own cookie does.
      const apiToken = (await request(stack.apiUrl).post('/api/v1/staff/session').send({ email: officer.email, password: STAFF_PASSWORD }).expect(201)).body
        .token;
      await request(stack.apiUrl).get('/staff/inbox').set('Authorization', `Bearer ${apiToken}`).redirects(0).expect(303);
    });
  });

  describe('the inbox', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await signIn(officer);
    });

    it('lists only applications in the officer’s agency, each with a link, its status, agency and an SLA badge in words', async () => {
      const page = (await get(cookie, '/staff/inbox').expect(200)).text;
      const rows = inboxRows(page);
      expect(rows.has(kadikoy.id)).toBe(true);
      expect(rows.has(overdue.id)).toBe(true);
      expect(rows.has(uskudar.id)).toBe(false);
      const row = rows.get(kadikoy.id)!;
      expect(row).toContain(`<a href="/staff/applications/${kadikoy.id}" class="number">${kadikoy.trackingNumber}</a>`);
      expect(row).toContain('Water cut on Moda Caddesi');
      expect(row).toContain(`<td>${t.statuses.routed}</td>`);
      expect(row).toContain('ISKI Kadikoy Branch');
      expect(row).toMatch(new RegExp(`<span class="sla sla-on_track">${t.sla.states.on_track} · \\d+ (working hours|hours|days) left</span>`));
      expect(rows.get(overdue.id)).toMatch(
        new RegExp(`<span class="sla sla-breached">${t.sla.states.breached} · \\d+ (working hours|working minutes|hours|days) over</span>`),
      );
    });

    it('filters by deadline, text and status through the query string', async () => {
      const overdueOnly = inboxRows((await get(cookie, '/staff/inbox?due=overdue').expect(200)).text);
      expect([...overdueOnly.keys()]).toEqual([overdue.id]);

      const found = inboxRows((await get(cookie, `/staff/inbox?q=${encodeURIComponent('Bahariye')}`).expect(200)).text);
      expect([...found.keys()]).toEqual([overdue.id]);

      const answered = await get(cookie, '/staff/inbox?status=answered').expect(200);
      expect(inboxRows(answered.text).size).toBe(0);
      expect(answered.text).toContain(t.inbox.empty);
      expect(answered.text).toContain('<option value="answered" selected>');

      await get(cookie, '/staff/inbox?cursor=tampered').expect(400);
      const refused = await get(cookie, '/staff/inbox?due=yesterday').expect(400);
      expect(refused.text).toContain(t.fieldErrors.isIn);
      expect(refused.text).toContain('<a href="#due">');
    });

    it('pages with keyset links that keep the filters', async () => {
      const nextLink = (page: string) => /<a href="([^"]+)" rel="next">/.exec(page)?.[1]?.replace(/&amp;/g, '&');
      const page1 = (await get(cookie, '/staff/inbox?q=water&limit=1').expect(200)).text;
      const link = nextLink(page1);
      expect(link).toMatch(/^\/staff\/inbox\?q=water&limit=1&cursor=/);
      const page2 = (await get(cookie, link!).expect(200)).text;
      expect(page2).toContain(`>${t.inbox.firstPage}</a>`);
      expect(nextLink(page2)).toBeUndefined();
      const seen = [...inboxRows(page1).keys(), ...inboxRows(page2).keys()];
      expect(seen.sort()).toEqual([kadikoy.id, overdue.id].sort());
    });
  });

  describe('an application and the officer’s actions on it', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await signIn(officer);
    });

    const detail = (id: string) => get(cookie, `/staff/applications/${id}`);

    it('shows the application with the citizen pseudonymised, deadlines and history, and 404s one out of reach', async () => {
      const page = (await detail(kadikoy.id).expect(200)).text;
      expect(page).toContain(`id="tracking-number">${kadikoy.trackingNumber}<`);
      expect(page).toContain('Water cut on Moda Caddesi');
      expect(page).toContain('No running water since Monday at number 12.');
      expect(page).not.toContain('Ayşe Yılmaz');
      expect(visibleText(page)).toMatch(/Citizen [0-9A-HJKMNP-TV-Z]{4}/);
      expect(page).toContain(t.detail.pseudonymised);
      expect(page).toContain(`action="/staff/applications/${kadikoy.id}/reveal"`);
      expect(page).toContain(t.detail.clockKinds.answer);
      expect(page).toContain(t.historyKinds.routed);
      expect(page).toContain(`action="/staff/applications/${kadikoy.id}/claim"`);

      const outOfReach = await detail(uskudar.id).expect(404);
      expect(outOfReach.text).toContain(t.errors.notFound);
      expect((await detail('not-an-id').expect(404)).text).toContain(t.errors.notFound);
    });

    it('reveals the citizen on the answer to the form only, with a reason on record, and asks again for a missing reason', async () => {
      const page = (await detail(kadikoy.id).expect(200)).text;
      const csrf = hiddenIn(page, '_csrf');
      const refused = await post(cookie, `/staff/applications/${kadikoy.id}/reveal`, { _csrf: csrf, reason: 'why' }).expect(400);
      expect(refused.text).toContain('id="reveal-reason-error"');
      expect(refused.text).not.toContain('Ayşe Yılmaz');

      const revealed = await post(cookie, `/staff/applications/${kadikoy.id}/reveal`, { _csrf: csrf, reason: 'Calling back about number 12' }).expect(200);
      expect(revealed.headers['cache-control']).toBe('no-store');
      expect(revealed.text).toContain(t.detail.revealed);
      expect(revealed.text).toContain('Ayşe Yılmaz');
      const { rows } = await stack.db.query('SELECT fields, reason FROM personal_data_reads WHERE staff_user_id = $1 AND application_id = $2', [
        officer.id,
        kadikoy.id,
      ]);
      expect(rows).toEqual([{ fields: ['name', 'phone'], reason: 'Calling back about number 12' }]);
      expect((await detail(kadikoy.id).expect(200)).text).not.toContain('Ayşe Yılmaz');
    });

    it('claims, notes and answers through the forms, and the citizen then sees the answer', async () => {
      let page = (await detail(kadikoy.id).expect(200)).text;
      const csrf = hiddenIn(page, '_csrf');

      const claimed = await post(cookie, `/staff/applications/${kadikoy.id}/claim`, { _csrf: csrf, version: hiddenIn(page, 'version') }).expect(303);
      expect(claimed.headers.location).toBe(`/staff/applications/${kadikoy.id}?done=claim`);
      page = (await get(cookie, claimed.headers.location).expect(200)).text;
      expect(page).toContain(t.detail.claim.done);
      expect(page).toContain('id="officer">Kadıköy Officer<');

      const noted = await post(cookie, `/staff/applications/${kadikoy.id}/notes`, {
        _csrf: csrf,
        version: hiddenIn(page, 'version'),
        text: 'Checked with the field team: <pipe> at 12.',
      }).expect(303);
      page = (await get(cookie, noted.headers.location).expect(200)).text;
      expect(page).toContain(t.detail.note.done);
      expect(page).toContain('Checked with the field team: &lt;pipe&gt; at 12.');

      const answered = await post(cookie, `/staff/applications/${kadikoy.id}/answers`, {
        _csrf: csrf,
        version: hiddenIn(page, 'version'),
        text: 'The pipe at number 12 was repaired on Tuesday.',
      }).expect(303);
      page = (await get(cookie, answered.headers.location).expect(200)).text;
      expect(page).toContain(t.detail.answer.done);
      expect(page).toContain(`id="status">${t.statuses.answered}<`);

      const status = await publicStatus(stack, kadikoy);
      expect(status.status).toBe('answered');
      expect(JSON.stringify(status.messages)).toContain('The pipe at number 12 was repaired on Tuesday.');
      const { rows } = await stack.db.query('SELECT status, assigned_officer_id FROM applications WHERE id = $1', [kadikoy.id]);
      expect(rows[0]).toEqual({ status: 'answered', assigned_officer_id: officer.id });
    });

    it('asks the citizen through the form, and the citizen then sees the question', async () => {
      const asked = await submitCase(stack, { subject: 'Which street exactly?' });
      let page = (await detail(asked.id).expect(200)).text;
      expect(page).not.toContain('id="action-ask"');
      const csrf = hiddenIn(page, '_csrf');
      page = (
        await get(
          cookie,
          (await post(cookie, `/staff/applications/${asked.id}/claim`, { _csrf: csrf, version: hiddenIn(page, 'version') }).expect(303)).headers.location,
        ).expect(200)
      ).text;
      expect(page).toContain('id="action-ask"');
      const res = await post(cookie, `/staff/applications/${asked.id}/information-requests`, {
        _csrf: csrf,
        version: hiddenIn(page, 'version'),
        question: 'Which building number is without water?',
      }).expect(303);
      page = (await get(cookie, res.headers.location).expect(200)).text;
      expect(page).toContain(t.detail.ask.done);
      expect(page).toContain(`id="status">${t.statuses.awaiting_citizen}<`);
      const status = await publicStatus(stack, asked);
      expect(status.status).toBe('awaiting_citizen');
      expect(JSON.stringify(status.messages)).toContain('Which building number is without water?');
    });

    it('refuses an action the user’s role does not allow, as the JSON API does', async () => {
      const agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent'], { signIn: false });
      const agentCookie = await signIn(agent);
      const csrf = hiddenIn((await get(agentCookie, '/staff/inbox').expect(200)).text, '_csrf');
      const before = await versionOf(stack, overdue.id);
      const res = await post(agentCookie, `/staff/applications/${overdue.id}/claim`, { _csrf: csrf, version: String(before) }).expect(403);
      expect(res.text).toContain(t.errors.forbidden);
      expect(await versionOf(stack, overdue.id)).toBe(before);
    });

    it('keeps the typed text and says what is wrong next to the form when a field is refused', async () => {
      const page = (await detail(overdue.id).expect(200)).text;
      const res = await post(cookie, `/staff/applications/${overdue.id}/notes`, {
        _csrf: hiddenIn(page, '_csrf'),
        version: hiddenIn(page, 'version'),
        text: '   ',
      }).expect(400);
      expect(res.text).toContain('id="note-text-error"');
      expect(res.text).toContain(t.fieldErrors.matches);
    });

    it('refuses a form without the session’s token, or from another site, and changes nothing', async () => {
      const page = (await detail(overdue.id).expect(200)).text;
      const version = hiddenIn(page, 'version');
      const before = await versionOf(stack, overdue.id);

      const missing = await post(cookie, `/staff/applications/${overdue.id}/claim`, { version }).expect(403);
      expect(missing.text).toContain(t.errors.formExpired);
      await post(cookie, `/staff/applications/${overdue.id}/claim`, { version, _csrf: 'x'.repeat(36) + '.forged' }).expect(403);
      // Another session's token does not fit this session.
      const colleagueCookie = await signIn(colleague);
      const colleaguePage = (await get(colleagueCookie, `/staff/applications/${overdue.id}`).expect(200)).text;
      await post(cookie, `/staff/applications/${overdue.id}/claim`, { version, _csrf: hiddenIn(colleaguePage, '_csrf') }).expect(403);
      // The right token from a foreign page.
      await request(stack.apiUrl)
        .post(`/staff/applications/${overdue.id}/claim`)
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .type('form')
        .send({ version, _csrf: hiddenIn(page, '_csrf') })
        .redirects(0)
        .expect(403);

      expect(await versionOf(stack, overdue.id)).toBe(before);
      expect((await stack.db.query('SELECT assigned_officer_id FROM applications WHERE id = $1', [overdue.id])).rows[0].assigned_officer_id).toBeNull();
    });

    it('shows the page again with the conflict next to the form when the application changed meanwhile', async () => {
      const seen = (await detail(overdue.id).expect(200)).text;
      const colleagueCookie = await signIn(colleague);
      const colleaguePage = (await get(colleagueCookie, `/staff/applications/${overdue.id}`).expect(200)).text;
      await post(colleagueCookie, `/staff/applications/${overdue.id}/notes`, {
        _csrf: hiddenIn(colleaguePage, '_csrf'),
        version: hiddenIn(colleaguePage, 'version'),
        text: 'Looking into it.',
      }).expect(303);

      const stale = await post(cookie, `/staff/applications/${overdue.id}/notes`, {
        _csrf: hiddenIn(seen, '_csrf'),
        version: hiddenIn(seen, 'version'),
        text: 'My late note.',
      }).expect(409);
      expect(visibleText(stale.text)).toContain(t.refused.STALE_VERSION);
      expect(stale.text).toMatch(/id="note-refused" role="alert"/);
      // What was typed is kept, and the form now carries the current version.
      expect(stale.text).toContain('My late note.</textarea>');
      expect(hiddenIn(stale.text, 'version')).toBe(String(await versionOf(stack, overdue.id)));
      const notes = await stack.db.query(
        `SELECT data->>'text' AS text FROM application_events WHERE application_id = $1 AND kind = 'internal_note' ORDER BY id`,
        [overdue.id],
      );
      expect(notes.rows.map((r: { text: string }) => r.text)).toEqual(['Looking into it.']);
    });
  });

  describe('signing out', () => {
    it('revokes the session: the old cookie no longer opens the inbox', async () => {
      const cookie = await signIn(colleague);
      const page = (await get(cookie, '/staff/inbox').expect(200)).text;
      const out = await post(cookie, '/staff/sign-out', { _csrf: hiddenIn(page, '_csrf') }).expect(303);
      expect(out.headers.location).toBe('/staff/sign-in?out=1');
      expect(([] as string[]).concat(out.headers['set-cookie']).join()).toMatch(/petitio_staff=; Path=\/staff; HttpOnly; SameSite=Strict; Max-Age=0/);

      const after = await get(cookie, '/staff/inbox').expect(303);
      expect(after.headers.location).toBe('/staff/sign-in');
      const token = decodeURIComponent(cookie.slice('petitio_staff='.length));
      const { rows } = await stack.db.query(`SELECT revoked_at FROM staff_sessions WHERE token_hash = sha256($1::bytea)`, [Buffer.from(token)]);
      expect(rows[0].revoked_at).not.toBeNull();
    });

    it('does not sign out on a form without the token', async () => {
      const cookie = await signIn(colleague);
      await post(cookie, '/staff/sign-out', {}).expect(403);
      await get(cookie, '/staff/inbox').expect(200);
    });
  });
});
