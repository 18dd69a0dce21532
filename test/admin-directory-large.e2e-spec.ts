import request from 'supertest';
import { adminDirectoryTexts } from '@petitio/web-admin';
import { consoleTexts } from '@petitio/web-console';
import { TestBrowser, expectNoAccessibilityViolations } from './support/browser';
import { consoleCookie, consoleForm, consolePage, errorNextTo, hiddenIn, submitForm } from './support/console-forms';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';

jest.setTimeout(120000);

const d = adminDirectoryTexts('en');
const UNITS = 600;

/** A directory too large to list whole, as a national one is: browsed a level at a time and searched. */
describe('a large agency directory in the console', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let supervisor: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    await stack.db.query(
      `INSERT INTO agencies (code, parent_id, kind, names, contact_email)
       SELECT 'MOH-34-U' || lpad(n::text, 4, '0'), (SELECT id FROM agencies WHERE code = 'MOH-34'), 'district_office',
              jsonb_build_object('tr', 'Birim ' || n, 'en', 'Health unit ' || n), NULL
       FROM generate_series(1, ${UNITS}) n`,
    );
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    supervisor = await staffUser(stack.db, stack.apiUrl, 'MOH-34', ['supervisor']);
  });
  afterAll(() => stack?.stop());

  const listed = (page: string, id: string) => {
    const list = new RegExp(`<ul id="${id}"[^>]*>([\\s\\S]*?)</ul>`).exec(page)?.[1] ?? '';
    return [...list.matchAll(/<li data-code="([^"]+)">/g)].map((m) => m[1]);
  };

  it('shows the top level with how many agencies are under each, not the whole tree, and a code field for the parent', async () => {
    const cookie = await consoleCookie(stack, admin);
    const top = await consolePage(stack, cookie, '/staff/admin/agencies').expect(200);
    expect(top.text.length).toBeLessThan(100_000);
    expect(listed(top.text, 'agencies')).toEqual(expect.arrayContaining(['CENTER', 'MOH', 'ISKI']));
    expect(top.text).not.toContain('data-code="MOH-34"');
    expect(top.text).toMatch(/<li data-code="MOH">[^]*?<a href="\/staff\/admin\/agencies\?under=MOH" class="level-link">\d+ under it<\/a><\/li>/);
    expect(top.text).not.toContain('<select id="parentCode"');
    expect(top.text).toContain('<input type="text" id="parentCode" name="parentCode" value=""');

    const level = await consolePage(stack, cookie, '/staff/admin/agencies?under=MOH-34').expect(200);
    // The path down to this level, then at most 500 of its 601 agencies, and a way to find the rest.
    expect(level.text).toMatch(
      /<nav aria-label="[^"]+" id="agency-path"><ol><li><a href="\/staff\/admin\/agencies">All agencies<\/a><\/li><li><a href="\/staff\/admin\/agencies\?under=MOH">[^<]+<\/a><\/li><li><a href="\/staff\/admin\/agencies\?under=MOH-34">/,
    );
    const units = listed(level.text, 'agencies');
    expect(units).toHaveLength(500);
    expect(units[0]).toBe('MOH-34-KDK');
    expect(level.text).toContain('Only the first 500 are listed');
    expect(level.text).toContain('<input type="text" id="parentCode" name="parentCode" value="MOH-34"');
  });

  it('finds agencies by code or name', async () => {
    const cookie = await consoleCookie(stack, admin);
    const byCode = await consolePage(stack, cookie, '/staff/admin/agencies?q=u0599').expect(200);
    expect(listed(byCode.text, 'agency-results')).toEqual(['MOH-34-U0599']);
    const byName = await consolePage(stack, cookie, `/staff/admin/agencies?q=${encodeURIComponent('Health unit 42')}`).expect(200);
    expect(listed(byName.text, 'agency-results')).toEqual([
      'MOH-34-U0042',
      'MOH-34-U0420',
      'MOH-34-U0421',
      'MOH-34-U0422',
      'MOH-34-U0423',
      'MOH-34-U0424',
      'MOH-34-U0425',
      'MOH-34-U0426',
      'MOH-34-U0427',
      'MOH-34-U0428',
      'MOH-34-U0429',
    ]);
    const none = await consolePage(stack, cookie, '/staff/admin/agencies?q=%25').expect(200);
    expect(none.text).toContain(d.agencies.noResults);
  });

  it('adds an agency under a parent typed as a code, back on its level; an unknown code is refused next to the field', async () => {
    const cookie = await consoleCookie(stack, admin);
    const page = await consolePage(stack, cookie, '/staff/admin/agencies?under=MOH-34').expect(200);
    const csrf = hiddenIn(page.text, '_csrf');
    const refused = await consoleForm(stack, cookie, '/staff/admin/agencies', {
      _csrf: csrf,
      code: 'MOH-34-NEW',
      'names-en': 'New unit',
      kind: 'district_office',
      parentCode: 'NOPE',
    }).expect(400);
    expect(errorNextTo(refused.text, 'parentCode')).toBeTruthy();
    expect(refused.text).toContain('<input type="text" id="parentCode" name="parentCode" value="NOPE"');

    const created = await consoleForm(stack, cookie, '/staff/admin/agencies', {
      _csrf: csrf,
      code: 'MOH-34-NEW',
      'names-en': 'New unit',
      kind: 'district_office',
      parentCode: 'MOH-34',
    }).expect(303);
    expect(created.headers.location).toBe('/staff/admin/agencies?under=MOH-34&done=created');
    const edit = await consolePage(stack, cookie, '/staff/admin/agencies/MOH-34-NEW').expect(200);
    expect(edit.text).toContain('<input type="text" id="parentCode" name="parentCode" value="MOH-34"');
  });

  it('is browsed and searched in a real browser, in Turkish, with no accessibility violation', async () => {
    const dtr = adminDirectoryTexts('tr');
    const t = consoleTexts('tr');
    const browser = await TestBrowser.launch();
    try {
      await browser.withPage({ locale: 'tr-TR', viewport: { width: 1280, height: 900 } }, async (page) => {
        await page.goto(`${stack.apiUrl}/staff/inbox`);
        await page.getByLabel(t.signIn.email).fill(admin.email);
        await page.getByLabel(t.signIn.password).fill(STAFF_PASSWORD);
        expect((await submitForm(page.locator('form[action="/staff/sign-in"]'))).status()).toBe(303);
        await page.goto(`${stack.apiUrl}/staff/admin/agencies`);
        await page.locator('li[data-code="MOH"] a.level-link').click();
        await page.locator('li[data-code="MOH-34"] a.level-link').click();
        await page.waitForURL(`${stack.apiUrl}/staff/admin/agencies?under=MOH-34`);
        expect(await page.getByLabel(dtr.agencies.parentCode).inputValue()).toBe('MOH-34');
        await expectNoAccessibilityViolations(page, 'a level of a large directory');

        await page.getByLabel(dtr.agencies.searchLabel).fill('Birim 599');
        await page.getByRole('button', { name: dtr.agencies.search }).click();
        await page.waitForURL(/q=Birim/);
        expect(await page.locator('#agency-results li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')))).toEqual(['MOH-34-U0599']);
        await expectNoAccessibilityViolations(page, 'directory search results');
      });
    } finally {
      await browser.close();
    }
  });

  it('has agencies typed by code on the topics, routing and SLA-policy pages, and names the ones they show', async () => {
    const cookie = await consoleCookie(stack, admin);
    const textInput = (id: string, value = '') => `<input type="text" id="${id}" name="${id}" value="${value}"`;

    const topics = await consolePage(stack, cookie, '/staff/admin/topics').expect(200);
    expect(topics.text).toContain(textInput('defaultAgencyCode'));
    expect(topics.text).not.toContain('<select id="defaultAgencyCode"');
    const topicForm = { _csrf: hiddenIn(topics.text, '_csrf'), code: 'clinics', 'names-en': 'Clinics', keywords: '' };
    const unknown = await consoleForm(stack, cookie, '/staff/admin/topics', { ...topicForm, defaultAgencyCode: 'NOPE' }).expect(400);
    expect(errorNextTo(unknown.text, 'defaultAgencyCode')).toBe(d.fieldErrors.unknown_agency);
    await consoleForm(stack, cookie, '/staff/admin/topics', { ...topicForm, defaultAgencyCode: 'MOH-34-U0007' }).expect(303);
    const listed = await consolePage(stack, cookie, '/staff/admin/topics').expect(200);
    expect(listed.text).toContain('Health unit 7');
    const topicEdit = await consolePage(stack, cookie, '/staff/admin/topics/clinics').expect(200);
    expect(topicEdit.text).toContain(textInput('defaultAgencyCode', 'MOH-34-U0007'));

    const routing = await consolePage(stack, cookie, '/staff/admin/routing').expect(200);
    expect(routing.text).toContain(textInput('agencyCode'));
    expect(routing.text).not.toContain('<select id="agencyCode"');
    // The rules' agencies are still named in the list.
    expect(routing.text).toContain('Istanbul Provincial Health Directorate');
    const [rule] = (await stack.db.query(`SELECT r.id, g.code FROM routing_rules r JOIN agencies g ON g.id = r.agency_id ORDER BY r.code LIMIT 1`)).rows;
    const ruleEdit = await consolePage(stack, cookie, `/staff/admin/routing/${rule.id}`).expect(200);
    expect(ruleEdit.text).toContain(textInput('agencyCode', rule.code));

    const policy = await consolePage(stack, cookie, '/staff/admin/sla-policies/TR-3071-COMPLAINT').expect(200);
    expect(policy.text).toContain(textInput('agencyId'));
    const fields = {
      _csrf: hiddenIn(policy.text, '_csrf'),
      applicationType: 'complaint',
      topicId: '',
      agencyId: 'NOPE',
      'period-amount': '30',
      'period-unit': 'calendar_days',
      onAwaitingCitizen: 'pause',
      onTransfer: 'keep',
      'extension-amount': '',
      'extension-unit': '',
      warningShares: '50, 75',
      'ladder-0': 'assigned_officer',
      'ladder-1': 'agency_supervisors',
      'reEscalation-amount': '',
      'reEscalation-unit': '',
      legalBasis: 'Law 3071',
      active: 'true',
      applyToOpen: 'keep',
    };
    const refused = await consoleForm(stack, cookie, '/staff/admin/sla-policies/TR-3071-COMPLAINT', fields).expect(400);
    expect(errorNextTo(refused.text, 'agencyId')).toBeTruthy();
    expect(refused.text).toContain(textInput('agencyId', 'NOPE'));
    await consoleForm(stack, cookie, '/staff/admin/sla-policies/TR-3071-COMPLAINT', { ...fields, agencyId: 'MOH-34' }).expect(303);
    const { rows } = await stack.db.query(`SELECT g.code FROM sla_policies p JOIN agencies g ON g.id = p.agency_id WHERE p.code = 'TR-3071-COMPLAINT'`);
    expect(rows).toEqual([{ code: 'MOH-34' }]);
    const saved = await consolePage(stack, cookie, '/staff/admin/sla-policies/TR-3071-COMPLAINT').expect(200);
    expect(saved.text).toContain(textInput('agencyId', 'MOH-34'));
    const list = await consolePage(stack, cookie, '/staff/admin/sla-policies').expect(200);
    expect(list.text).toContain('Istanbul Provincial Health Directorate');
  });

  it('is read a level at a time or searched through the JSON API too, the whole tree still there for who asks', async () => {
    const get = (who: TestStaff, query: string) => request(stack.apiUrl).get(`/api/v1/staff/agencies${query}`).set('Authorization', `Bearer ${who.token}`);
    const level = await get(admin, '?under=MOH-34').expect(200);
    expect(level.body).toHaveLength(500);
    expect(level.body[0]).toMatchObject({ code: 'MOH-34-KDK', parentCode: 'MOH-34', childCount: 0 });
    expect((await get(admin, '?under=').expect(200)).body.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['CENTER', 'MOH']));
    expect((await get(admin, '?q=u0599').expect(200)).body.map((a: { code: string }) => a.code)).toEqual(['MOH-34-U0599']);
    expect((await get(admin, '').expect(200)).body.length).toBeGreaterThan(UNITS);
    await get(admin, '?under=NOPE').expect(404);
    const blank = await get(admin, '?q=').expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
    await get(supervisor, '?under=MOH').expect(404);
    expect((await get(supervisor, '?under=').expect(200)).body.map((a: { code: string }) => a.code)).toEqual(['MOH-34']);
  });

  it('keeps a supervisor to their own subtree, whatever level they ask for', async () => {
    const cookie = await consoleCookie(stack, supervisor);
    const top = await consolePage(stack, cookie, '/staff/admin/agencies').expect(200);
    expect(listed(top.text, 'agencies')).toEqual(['MOH-34']);
    const outside = await consolePage(stack, cookie, '/staff/admin/agencies?under=MOH').expect(200);
    expect(listed(outside.text, 'agencies')).toEqual(['MOH-34']);
    const found = await consolePage(stack, cookie, '/staff/admin/agencies?q=health').expect(200);
    expect(listed(found.text, 'agency-results')).not.toContain('MOH');
    expect(listed(found.text, 'agency-results')).toContain('MOH-34');
  });
});
