import request from 'supertest';
import { consoleTexts } from '@petitio/web-console';
import { consoleCookie } from './support/console-forms';
import { Case, publicStatus, submitCase, versionOf } from './support/casework';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';
import { visibleText } from './support/pages';

/**
 * The rest of the staff workflow on the console's application page, as plain forms: each action succeeds through
 * its form, and a refused one answers 4xx with the reason next to its form and changes nothing.
 */
const t = consoleTexts('en');
const d = t.detail;

function hiddenIn(page: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  if (value === undefined) throw new Error(`the page carries no ${name}`);
  return value;
}

/** The refusal of a form: next to it, or above the actions when the form is no longer offered. */
function refusal(page: string, key: string): string | undefined {
  return new RegExp(`<div class="notice refused" id="${key}-refused" role="alert"><p>([^<]*)</p>`).exec(page)?.[1];
}

/** One action's section of the page, by its form key (`assign`, `extend-answer`…); undefined when not offered. */
function section(page: string, key: string): string | undefined {
  return new RegExp(`<section aria-labelledby="${key}-title" id="action-${key}">([\\s\\S]*?)</section>`).exec(page)?.[1];
}

/** What the answer's textarea holds. */
function answerText(page: string): string | undefined {
  return /<textarea id="answer-text"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1];
}

describe('staff console: the rest of the workflow as forms (no JavaScript needed)', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let colleague: TestStaff;
  let askiOfficer: TestStaff;
  let cookie: string;

  const clocksStarted = (c: Case, count: number) =>
    waitFor(
      async () => (await stack.db.query('SELECT 1 FROM sla_clocks WHERE application_id = $1', [c.id])).rowCount === count,
      10000,
      `${count} clocks on ${c.id}`,
    );

  beforeAll(async () => {
    stack = await startStack();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Kadıköy Officer' });
    colleague = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Kadıköy Colleague' });
    await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Officer On Leave', onDuty: false });
    askiOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer'], { signIn: false, name: 'Ankara Officer' });
    cookie = await signIn(officer);
  });
  afterAll(() => stack?.stop());

  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);

  const get = (path: string, as = cookie) => request(stack.apiUrl).get(path).set('Accept-Language', 'en').set('Cookie', as).redirects(0);
  const detail = async (c: Case, as = cookie) => (await get(`/staff/applications/${c.id}`, as).expect(200)).text;
  /** Posts a form of the page as the browser would: the session's token and the version shown, plus the fields. */
  function post(c: Case, path: string, fields: Record<string, string>, as = cookie) {
    return {
      expect: async (status: number) => {
        const page = await detail(c, as);
        return request(stack.apiUrl)
          .post(`/staff/applications/${c.id}/${path}`)
          .set('Accept-Language', 'en')
          .set('Cookie', as)
          .type('form')
          .send({ _csrf: hiddenIn(page, '_csrf'), version: hiddenIn(page, 'version'), ...fields })
          .redirects(0)
          .expect(status);
      },
    };
  }
  const statusOf = async (c: Case) => (await stack.db.query('SELECT status FROM applications WHERE id = $1', [c.id])).rows[0].status;
  /** A refused form: the status, the sentence next to the form or field, and the application left as it was. */
  async function expectRefused(c: Case, path: string, fields: Record<string, string>, status: number, key: string, sentence: string) {
    const before = await versionOf(stack, c.id);
    const res = await post(c, path, fields).expect(status);
    expect(visibleText(section(res.text, key) ?? refusal(res.text, key) ?? '')).toContain(sentence);
    expect(await versionOf(stack, c.id)).toBe(before);
    return res;
  }
  const claimed = async (overrides: Record<string, unknown> = {}) => {
    const c = await submitCase(stack, overrides);
    await post(c, 'claim', {}).expect(303);
    return c;
  };

  it('offers only what the roles and the status allow', async () => {
    const c = await submitCase(stack, { subject: 'Offered forms' });
    const routed = await detail(c);
    for (const key of ['claim', 'assign', 'interim', 'transfer', 'reject', 'duplicate', 'note']) expect(section(routed, key)).toBeDefined();
    for (const key of ['start', 'ask', 'answer', 'canned', 'close']) expect(section(routed, key)).toBeUndefined();

    // A center admin disposes of applications but does not work on them as an officer.
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false });
    const adminPage = (await get(`/staff/applications/${c.id}`, await signIn(admin)).expect(200)).text;
    for (const key of ['assign', 'transfer', 'reject', 'duplicate', 'note']) expect(section(adminPage, key)).toBeDefined();
    for (const key of ['claim', 'interim', 'start', 'ask', 'answer']) expect(section(adminPage, key)).toBeUndefined();
  });

  describe('assigning', () => {
    it('offers the on-duty officers of the agency and assigns the one chosen', async () => {
      const c = await submitCase(stack, { subject: 'To assign' });
      const form = section(await detail(c), 'assign')!;
      expect(form).toContain(`<option value="${colleague.id}">Kadıköy Colleague</option>`);
      expect(form).not.toContain('Officer On Leave');
      expect(form).not.toContain('Ankara Officer');
      const res = await post(c, 'assign', { officerId: colleague.id }).expect(303);
      expect(res.headers.location).toBe(`/staff/applications/${c.id}?done=assign`);
      const page = (await get(res.headers.location).expect(200)).text;
      expect(page).toContain(d.assign.done);
      expect(page).toContain('id="officer">Kadıköy Colleague<');
      expect(await statusOf(c)).toBe('assigned');
    });

    it('refuses an officer of another agency next to the field', async () => {
      const c = await submitCase(stack, { subject: 'Not to a stranger' });
      const res = await expectRefused(c, 'assign', { officerId: askiOfficer.id }, 400, 'assign', t.fieldErrors.not_assignable);
      expect(res.text).toContain('id="assign-officerId-error"');
    });
  });

  describe('starting work', () => {
    it('moves an assigned application into progress', async () => {
      const c = await claimed();
      expect(section(await detail(c), 'start')).toBeDefined();
      const res = await post(c, 'start', {}).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(`id="status">${t.statuses.in_progress}<`);
    });

    it('refuses to start an application nobody was given', async () => {
      const c = await submitCase(stack);
      await expectRefused(c, 'start', {}, 409, 'start', t.refused.ILLEGAL_TRANSITION);
      expect(await statusOf(c)).toBe('routed');
    });
  });

  describe('transferring', () => {
    it('sends the application to the agency chosen with a reason from the list, and the officer back to the inbox', async () => {
      const c = await claimed();
      const form = section(await detail(c), 'transfer')!;
      const aski = await agencyId(stack.db, 'ASKI');
      expect(form).toContain(`<option value="${aski}">`);
      expect(form).toContain('<option value="misrouted">');
      const res = await post(c, 'transfers', { toAgencyId: aski, reasonCode: 'misrouted', note: 'The street is in Ankara.' }).expect(303);
      expect(res.headers.location).toBe('/staff/inbox?done=transfer');
      expect((await get(res.headers.location).expect(200)).text).toContain(d.transfer.done);
      const { rows } = await stack.db.query('SELECT status, assigned_agency_id, assigned_officer_id FROM applications WHERE id = $1', [c.id]);
      expect(rows[0]).toEqual({ status: 'routed', assigned_agency_id: aski, assigned_officer_id: null });
    });

    it('refuses a transfer to the agency that already holds it', async () => {
      const c = await claimed();
      await expectRefused(c, 'transfers', { toAgencyId: officer.agencyId, reasonCode: 'misrouted' }, 400, 'transfer', t.fieldErrors.same_agency);
    });
  });

  describe('rejecting', () => {
    it('rejects on a ground from the list and tells the citizen why', async () => {
      const c = await claimed();
      const res = await post(c, 'rejections', { reasonCode: 'no_clear_subject', text: 'The application does not say what is asked.' }).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(d.reject.done);
      const status = await publicStatus(stack, c);
      expect(status.status).toBe('rejected');
      expect(JSON.stringify(status.messages)).toContain('The application does not say what is asked.');
    });

    it('refuses a ground that is not a rejection reason', async () => {
      const c = await claimed();
      await expectRefused(c, 'rejections', { reasonCode: 'misrouted', text: 'Not ours.' }, 400, 'reject', t.fieldErrors.unknown_reason);
      expect(await statusOf(c)).toBe('assigned');
    });
  });

  describe('merging a duplicate', () => {
    it('closes the application as a duplicate of the original given by its id', async () => {
      const original = await submitCase(stack, { subject: 'The original' });
      const c = await submitCase(stack, { subject: 'The same again' });
      const res = await post(c, 'duplicate-of', { originalId: ` ${original.id} ` }).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(d.duplicate.done);
      const { rows } = await stack.db.query('SELECT status, duplicate_of_id FROM applications WHERE id = $1', [c.id]);
      expect(rows[0]).toEqual({ status: 'closed', duplicate_of_id: original.id });
    });

    it('refuses an application as its own duplicate', async () => {
      const c = await submitCase(stack);
      await expectRefused(c, 'duplicate-of', { originalId: c.id }, 400, 'duplicate', t.fieldErrors.same_application);
    });
  });

  describe('closing', () => {
    it('closes an answered application', async () => {
      const c = await claimed();
      await post(c, 'answers', { text: 'Repaired.' }).expect(303);
      expect(section(await detail(c), 'close')).toBeDefined();
      const res = await post(c, 'close', {}).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(`id="status">${t.statuses.closed}<`);
    });

    it('refuses to close an application not answered yet', async () => {
      const c = await claimed();
      await expectRefused(c, 'close', {}, 409, 'close', t.refused.ILLEGAL_TRANSITION);
      expect(await statusOf(c)).toBe('assigned');
    });
  });

  describe('interim answers', () => {
    it('sends the citizen a progress update and keeps the status', async () => {
      const c = await submitCase(stack);
      const res = await post(c, 'interim-answers', { text: 'We asked the district office for the repair plan.' }).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(d.interim.done);
      const status = await publicStatus(stack, c);
      expect(status.status).toBe('routed');
      expect(JSON.stringify(status.messages)).toContain('We asked the district office for the repair plan.');
    });

    it('refuses an interim answer on an answered application, saying why next to the form', async () => {
      const c = await claimed();
      await post(c, 'answers', { text: 'Done.' }).expect(303);
      // The form is no longer offered once answered: a refusal of it (a page left open) is shown above the actions.
      await expectRefused(c, 'interim-answers', { text: 'Still working.' }, 409, 'interim', t.refused.INTERIM_ANSWER_NOT_ALLOWED);
    });
  });

  describe('extending a deadline', () => {
    it('extends a deadline its policy allows, once, with the reason the citizen is told', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c, 3);
      const before = (await stack.db.query(`SELECT deadline_at FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0].deadline_at;
      expect(section(await detail(c), 'extend-answer')).toBeDefined();
      const res = await post(c, 'deadlines/answer/extension', { reason: 'The land registry must be consulted.' }).expect(303);
      const page = (await get(res.headers.location).expect(200)).text;
      expect(page).toContain(d.extend.done);
      expect(section(page, 'extend-answer')).toBeUndefined();
      const after = (await stack.db.query(`SELECT deadline_at, extended FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0];
      expect(after.extended).toBe(true);
      expect(after.deadline_at.getTime()).toBeGreaterThan(before.getTime());
    });

    it('refuses a second extension next to the form, and moves nothing', async () => {
      const c = await submitCase(stack, { type: 'information_request' });
      await clocksStarted(c, 3);
      const seen = await detail(c);
      await post(c, 'deadlines/answer/extension', { reason: 'First.' }).expect(303);
      const deadline = (await stack.db.query(`SELECT deadline_at FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0].deadline_at;
      const res = await request(stack.apiUrl)
        .post(`/staff/applications/${c.id}/deadlines/answer/extension`)
        .set('Accept-Language', 'en')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: hiddenIn(seen, '_csrf'), version: String(await versionOf(stack, c.id)), reason: 'Again.' })
        .redirects(0)
        .expect(409);
      expect(visibleText(res.text)).toContain(t.refused.SLA_EXTENSION_USED);
      const now = (await stack.db.query(`SELECT deadline_at FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0].deadline_at;
      expect(now).toEqual(deadline);
    });
  });

  describe('answering with a canned response', () => {
    let cannedId: string;
    beforeAll(async () => {
      const res = await request(stack.apiUrl)
        .post('/api/v1/staff/canned-responses')
        .set('Authorization', `Bearer ${officer.token}`)
        .send({ code: 'repair', language: 'en', title: 'Repair scheduled', body: 'About {{trackingNumber}}: we repair the main on {{repairDate}}.' })
        .expect(201);
      cannedId = res.body.id;
    });

    it('fills the answer with the chosen response, rendered for the application, without sending anything', async () => {
      const c = await claimed();
      const before = await versionOf(stack, c.id);
      expect(section(await detail(c), 'canned')).toContain(`<option value="${cannedId}">Repair scheduled (en)</option>`);
      const page = (await get(`/staff/applications/${c.id}?canned=${cannedId}`).expect(200)).text;
      expect(answerText(page)).toBe(`About ${c.trackingNumber}: we repair the main on {{repairDate}}.`);
      expect(page).toContain('id="canned-drafted"');
      expect(page).toContain(`<option value="${cannedId}" selected>`);
      expect(await versionOf(stack, c.id)).toBe(before);

      const res = await post(c, 'answers', { text: `About ${c.trackingNumber}: we repair the main on 12 May.` }).expect(303);
      expect((await get(res.headers.location).expect(200)).text).toContain(d.answer.done);
      expect(JSON.stringify((await publicStatus(stack, c)).messages)).toContain('we repair the main on 12 May.');
    });

    it('refuses a canned response that is not the agency’s, next to the select', async () => {
      const c = await claimed();
      const res = await get(`/staff/applications/${c.id}?canned=00000000-0000-4000-8000-000000000000`).expect(400);
      expect(res.text).toContain('id="canned-response-error"');
      expect(res.text).toContain(t.fieldErrors.unknown);
      expect(answerText(res.text)).toBe('');
    });
  });

  describe('the language switcher', () => {
    it('switches to Turkish and back on the same page, and never leaves the console', async () => {
      const c = await submitCase(stack);
      const page = await detail(c);
      const link = /<a href="([^"]+)" hreflang="tr"/.exec(page)![1].replace(/&amp;/g, '&');
      expect(link).toBe(`/staff/language/tr?back=${encodeURIComponent(`/staff/applications/${c.id}`)}`);
      const res = await get(link).expect(303);
      expect(res.headers.location).toBe(`/staff/applications/${c.id}`);
      const chosen = ([] as string[]).concat(res.headers['set-cookie']).find((k) => k.startsWith('petitio_staff_lang='))!;
      expect(chosen).toContain('petitio_staff_lang=tr; Path=/staff; HttpOnly');
      const turkish = (await get(res.headers.location, `${cookie}; ${chosen.split(';')[0]}`).expect(200)).text;
      expect(turkish).toContain('<html lang="tr"');
      expect(turkish).toContain(consoleTexts('tr').detail.transfer.title);

      expect((await get('/staff/language/en?back=https://evil.example/').expect(303)).headers.location).toBe('/staff/inbox');
      expect((await get('/staff/language/en?back=//evil.example/').expect(303)).headers.location).toBe('/staff/inbox');
      await get('/staff/language/xx').expect(404);
    });
  });
});
