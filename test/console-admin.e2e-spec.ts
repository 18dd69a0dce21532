import request from 'supertest';
import { consoleTexts } from '@petitio/web-console';
import { consoleCookie } from './support/console-forms';
import { countApplications, digits } from './support/applications';
import { submitRouted } from './support/inbox';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';
import { identityOf } from './support/identities';

const t = consoleTexts('en');
const CALLER_PHONE = '0532 987 65 43';

function hiddenIn(page: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  if (value === undefined) throw new Error(`the page carries no ${name}`);
  return value;
}

/** The field error shown next to a field: the paragraph its control is described by. */
function errorNextTo(page: string, id: string): string | undefined {
  return new RegExp(`<p class="error" id="${id}-error">([^<]*)</p>`).exec(page)?.[1];
}

const quoted = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('staff console: call intake and users admin', () => {
  let stack: TestStack;
  let agent: TestStaff;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let officer: TestStaff;
  let ankaraOfficer: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent'], { signIn: false, name: 'Call Agent' });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false, name: 'Center Admin' });
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor'], { signIn: false, name: 'Kadıköy Supervisor' });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Kadıköy Officer' });
    ankaraOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer'], { signIn: false, name: 'Ankara Officer' });
  });
  afterAll(() => stack?.stop());

  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);
  const get = (cookie: string, path: string) => request(stack.apiUrl).get(path).set('Accept-Language', 'en').set('Cookie', cookie).redirects(0);
  /** A urlencoded form as a browser sends it: a field with several values (checkboxes) repeated. */
  const post = (cookie: string, path: string, fields: Record<string, string | string[]>) =>
    request(stack.apiUrl)
      .post(path)
      .set('Accept-Language', 'en')
      .set('Cookie', cookie)
      .type('form')
      .send(new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => ([] as string[]).concat(v).map((one) => [k, one]))).toString())
      .redirects(0);

  describe('call intake', () => {
    it('files an application for a caller and shows the tracking number and access code to read out', async () => {
      const cookie = await signIn(agent);
      const form = await get(cookie, '/staff/calls/new').expect(200);
      expect(form.text).toContain(`href="/staff/calls/new"`);
      const res = await post(cookie, '/staff/calls/new', {
        _csrf: hiddenIn(form.text, '_csrf'),
        submissionKey: hiddenIn(form.text, 'submissionKey'),
        type: 'complaint',
        topic: 'water',
        subject: 'No water on Moda Caddesi',
        body: 'The caller has had no running water since Monday at number 12.',
        name: 'Ayşe Yılmaz',
        phone: CALLER_PHONE,
        language: 'en',
        provinceCode: 'TR-34',
        districtCode: 'TR-34-KDK',
      }).expect(201);
      const trackingNumber = /id="tracking-number">([^<]+)</.exec(res.text)?.[1];
      const accessCode = /id="access-code">([^<]+)</.exec(res.text)?.[1];
      expect(trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
      expect(accessCode).toMatch(/^\d{8}$/);
      expect(res.text).toContain(quoted(t.calls.readOut));
      const { rows } = await stack.db.query('SELECT channel, filed_by_staff_id FROM applications WHERE tracking_number = $1', [digits(trackingNumber!)]);
      expect(rows[0]).toEqual({ channel: 'agent', filed_by_staff_id: agent.id });
      expect(await identityOf(stack.db, digits(trackingNumber!))).toMatchObject({ phone: '+905329876543' });
      await request(stack.apiUrl).get(`/api/v1/applications/${trackingNumber}/status`).set('X-Access-Code', accessCode!).expect(200);
    });

    it('files nothing new when the same form is posted twice', async () => {
      const cookie = await signIn(agent);
      const form = await get(cookie, '/staff/calls/new').expect(200);
      const fields = {
        _csrf: hiddenIn(form.text, '_csrf'),
        submissionKey: hiddenIn(form.text, 'submissionKey'),
        type: 'request',
        body: 'Please repair the street lamp at number 3.',
      };
      const first = await post(cookie, '/staff/calls/new', fields).expect(201);
      const before = await countApplications(stack.db);
      const again = await post(cookie, '/staff/calls/new', fields).expect(201);
      expect(/id="tracking-number">([^<]+)</.exec(again.text)?.[1]).toBe(/id="tracking-number">([^<]+)</.exec(first.text)?.[1]);
      expect(await countApplications(stack.db)).toBe(before);

      // Back, edit, send again under the same key: the call is kept on the form, under a new key, and nothing is filed.
      const edited = await post(cookie, '/staff/calls/new', { ...fields, body: 'Please repair the street lamp at number 5.' }).expect(422);
      expect(edited.text).toContain('This form was already sent with other content.');
      expect(edited.text).toContain('Please repair the street lamp at number 5.');
      expect(hiddenIn(edited.text, 'submissionKey')).not.toBe(fields.submissionKey);
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('shows a refused field next to it, keeps what was typed and files nothing', async () => {
      const cookie = await signIn(agent);
      const form = await get(cookie, '/staff/calls/new').expect(200);
      const before = await countApplications(stack.db);
      const res = await post(cookie, '/staff/calls/new', {
        _csrf: hiddenIn(form.text, '_csrf'),
        submissionKey: hiddenIn(form.text, 'submissionKey'),
        type: 'complaint',
        body: '   ',
        subject: 'Kept subject',
      }).expect(400);
      expect(errorNextTo(res.text, 'body')).toBeDefined();
      expect(res.text).toMatch(/id="body" name="body" rows="6" aria-describedby="body-hint body-error" aria-invalid="true"/);
      expect(res.text).toContain('value="Kept subject"');
      // The number is checked by the intake service, after the form's own checks.
      const badPhone = await post(cookie, '/staff/calls/new', {
        _csrf: hiddenIn(form.text, '_csrf'),
        submissionKey: hiddenIn(form.text, 'submissionKey'),
        type: 'complaint',
        body: 'The caller reports a broken pipe.',
        phone: '12',
      }).expect(400);
      expect(errorNextTo(badPhone.text, 'phone')).toBe(t.calls.phoneInvalid);
      expect(badPhone.text).toContain('The caller reports a broken pipe.');
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('finds the caller’s earlier applications by phone number, without the number in the title or the logs', async () => {
      const earlier = await submitRouted(stack, { citizen: { name: 'Mehmet Kaya', phone: '0533 111 22 99' } });
      const cookie = await signIn(agent);
      const res = await get(cookie, `/staff/calls/lookup?phone=${encodeURIComponent('0533 111 22 99')}`).expect(200);
      expect(res.text).toContain(`<td class="number">${earlier.trackingNumber}</td>`);
      expect(res.text).toContain(t.calls.found({ n: 1 }));
      const title = /<title>([^<]*)<\/title>/.exec(res.text)?.[1] ?? '';
      expect(title).toContain(t.calls.title);
      expect(title).not.toMatch(/0533|5331112299/);
      // The number is offered to the intake form, for the caller filing again.
      expect(res.text).toContain('id="phone" name="phone" value="0533 111 22 99"');
      const none = await get(cookie, `/staff/calls/lookup?phone=${encodeURIComponent('0544 000 00 01')}`).expect(200);
      expect(none.text).toContain(t.calls.noneFound);
      expect(stack.logs()).not.toMatch(/5331112299|0533 111|0533%20111|0533\+111|5440000001/);
    });

    it('says next to the lookup field when the number is no phone number', async () => {
      const cookie = await signIn(agent);
      const res = await get(cookie, '/staff/calls/lookup?phone=12').expect(400);
      expect(errorNextTo(res.text, 'lookup-phone')).toBe(t.calls.phoneInvalid);
      const empty = await get(cookie, '/staff/calls/lookup?phone=').expect(400);
      expect(errorNextTo(empty.text, 'lookup-phone')).toBe(t.fieldErrors.isDefined);
    });

    it('is for agents only, and only agents see its link', async () => {
      for (const who of [officer, admin, supervisor]) {
        const cookie = await signIn(who);
        await get(cookie, '/staff/calls/new').expect(403);
        await get(cookie, '/staff/calls/lookup?phone=05321234567').expect(403);
        const inbox = await get(cookie, '/staff/users').expect(who === officer ? 403 : 200);
        expect(inbox.text).not.toContain('href="/staff/calls/new"');
      }
      const officerCookie = await signIn(officer);
      const before = await countApplications(stack.db);
      await post(officerCookie, '/staff/calls/new', { _csrf: 'x', type: 'complaint', body: 'Not for officers.' }).expect(403);
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('refuses a post without the session’s form token', async () => {
      const cookie = await signIn(agent);
      const before = await countApplications(stack.db);
      await post(cookie, '/staff/calls/new', { type: 'complaint', body: 'A form from elsewhere.' }).expect(403);
      expect(await countApplications(stack.db)).toBe(before);
    });
  });

  describe('users admin', () => {
    it('lets a center admin see every staff user with roles, agency and status, and invite one', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/users').expect(200);
      expect(page.text).toContain('href="/staff/users"');
      for (const who of [agent, officer, ankaraOfficer]) expect(page.text).toContain(`<tr data-id="${who.id}">`);
      const row = new RegExp(`<tr data-id="${officer.id}">([\\s\\S]*?)</tr>`).exec(page.text)![1];
      expect(row).toContain(t.users.roles.officer);
      expect(row).toContain(t.users.statuses.active);
      expect(row).toContain('<td>');

      const email = `invited.${Date.now()}@test.petitio.example`;
      const kadikoy = await agencyId(stack.db, 'ISKI-KDK');
      const res = await post(cookie, '/staff/users', {
        _csrf: hiddenIn(page.text, '_csrf'),
        email,
        displayName: 'New Officer',
        roles: ['officer', 'supervisor'],
        agencyId: kadikoy,
      }).expect(303);
      expect(res.headers.location).toBe('/staff/users?done=invited');
      const { rows } = await stack.db.query('SELECT id, display_name, roles, agency_id, status FROM staff_users WHERE email = $1', [email]);
      expect(rows[0]).toMatchObject({ display_name: 'New Officer', roles: ['officer', 'supervisor'], agency_id: kadikoy, status: 'invited' });
      const after = await get(cookie, res.headers.location).expect(200);
      expect(after.text).toContain(t.users.invited);
      const invitedRow = new RegExp(`<tr data-id="${rows[0].id}">([\\s\\S]*?)</tr>`).exec(after.text)![1];
      expect(invitedRow).toContain(t.users.statuses.invited);
    });

    it('shows a refused invitation’s errors next to their fields and creates nobody', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/users').expect(200);
      const res = await post(cookie, '/staff/users', { _csrf: hiddenIn(page.text, '_csrf'), email: 'not an email', displayName: 'Nobody' }).expect(400);
      expect(errorNextTo(res.text, 'email')).toBe(t.fieldErrors.isEmail);
      expect(errorNextTo(res.text, 'roles')).toBeDefined();
      expect(errorNextTo(res.text, 'agencyId')).toBeDefined();
      expect(res.text).toContain('value="Nobody"');
      const taken = await post(cookie, '/staff/users', {
        _csrf: hiddenIn(page.text, '_csrf'),
        email: officer.email,
        displayName: 'Twin',
        roles: 'officer',
        agencyId: officer.agencyId,
      }).expect(400);
      expect(errorNextTo(taken.text, 'email')).toBe(quoted(t.fieldErrors.EMAIL_TAKEN));
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM staff_users WHERE display_name IN ('Nobody', 'Twin')`);
      expect(rows[0].n).toBe(0);
    });

    it('lets a center admin disable a user, who is then signed out', async () => {
      const leaving = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Leaving Officer' });
      const leavingCookie = await signIn(leaving);
      await get(leavingCookie, '/staff/inbox').expect(200);
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/users').expect(200);
      const res = await post(cookie, `/staff/users/${leaving.id}/disable`, { _csrf: hiddenIn(page.text, '_csrf') }).expect(303);
      expect(res.headers.location).toBe('/staff/users?done=disabled');
      const { rows } = await stack.db.query('SELECT status FROM staff_users WHERE id = $1', [leaving.id]);
      expect(rows[0].status).toBe('disabled');
      expect((await get(leavingCookie, '/staff/inbox').expect(303)).headers.location).toBe('/staff/sign-in');
    });

    it('shows a supervisor only their own agency’s users, without invite or disable forms', async () => {
      const cookie = await signIn(supervisor);
      const page = await get(cookie, '/staff/users').expect(200);
      expect(page.text).toContain(`<tr data-id="${officer.id}">`);
      expect(page.text).not.toContain(`<tr data-id="${ankaraOfficer.id}">`);
      expect(page.text).not.toContain(`<tr data-id="${agent.id}">`);
      expect(page.text).not.toContain('action="/staff/users"');
      expect(page.text).not.toContain('/disable"');
      const csrf = hiddenIn(page.text, '_csrf');
      await post(cookie, `/staff/users/${officer.id}/disable`, { _csrf: csrf }).expect(403);
      await post(cookie, '/staff/users', {
        _csrf: csrf,
        email: 'sneaky@test.petitio.example',
        displayName: 'Sneaky',
        roles: 'officer',
        agencyId: supervisor.agencyId,
      }).expect(403);
      const { rows } = await stack.db.query('SELECT status FROM staff_users WHERE id = $1', [officer.id]);
      expect(rows[0].status).toBe('active');
    });

    it('is closed to officers and agents', async () => {
      for (const who of [officer, agent]) {
        const cookie = await signIn(who);
        const res = await get(cookie, '/staff/users').expect(403);
        expect(res.text).not.toContain('href="/staff/users"');
      }
    });

    it('refuses an invitation or a disabling without the session’s form token', async () => {
      const cookie = await signIn(admin);
      await post(cookie, '/staff/users', { email: 'forged@test.petitio.example', displayName: 'Forged', roles: 'officer', agencyId: officer.agencyId }).expect(
        403,
      );
      await post(cookie, `/staff/users/${officer.id}/disable`, {}).expect(403);
      const { rows } = await stack.db.query(
        `SELECT (SELECT status FROM staff_users WHERE id = $1) AS status, (SELECT count(*)::int FROM staff_users WHERE email = 'forged@test.petitio.example') AS forged`,
        [officer.id],
      );
      expect(rows[0]).toEqual({ status: 'active', forged: 0 });
    });
  });
});
