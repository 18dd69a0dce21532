import type { Locator, Page } from 'playwright-core';
import { consoleTexts } from '@petitio/web-console';
import { textsFor } from '@petitio/web-portal';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { Case, submitCase } from './support/casework';
import { submitForm } from './support/console-forms';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, agencyId, invitedUser, staffUser } from './support/staff';

/**
 * The staff console as an officer uses it, in real headless Chromium against the real api and worker;
 * the citizen then looks on the portal. Expected sentences come from the catalogues.
 */
jest.setTimeout(120000);

const t = consoleTexts('en');

describe('staff console in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let officer: TestStaff;
  let application: Case;

  beforeAll(async () => {
    stack = await startStack({
      env: { STATUS_LOOKUP_LIMIT_PER_MINUTE: '500', STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: '500', STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: '500' },
    });
    browser = await TestBrowser.launch();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { signIn: false, name: 'Kadıköy Officer' });
    application = await submitCase(stack, { subject: 'No water on Moda Caddesi', body: 'No running water since Monday at number 12.' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const url = (path: string) => `${stack.apiUrl}${path}`;
  const main = (page: Page) => page.locator('main');

  const submit = (form: Locator) => submitForm(form);

  async function signIn(page: Page, who: TestStaff = officer): Promise<void> {
    await page.goto(url('/staff/inbox'));
    expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
    await page.getByLabel(t.signIn.email).fill(who.email);
    await page.getByLabel(t.signIn.password).fill(STAFF_PASSWORD);
    const response = await submit(page.locator('form[action="/staff/sign-in"]'));
    expect(response.status()).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/staff/inbox');
  }

  it('lets an officer without JavaScript sign in, open the application from the inbox and answer it; the citizen sees the answer on the portal', async () => {
    await browser.withPage({ javaScript: false, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'petitio_staff')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/staff' });

      await main(page).getByRole('link', { name: application.trackingNumber }).click();
      expect(new URL(page.url()).pathname).toBe(`/staff/applications/${application.id}`);
      expect(await main(page).innerText()).toContain('No running water since Monday at number 12.');

      await submit(page.locator('#action-claim form'));
      expect(await page.locator('#confirmation').innerText()).toContain(t.detail.claim.done);

      await page.locator('#answer-text').fill('The pipe at number 12 was repaired on Tuesday.');
      await submit(page.locator('#action-answer form'));
      expect(await page.locator('#confirmation').innerText()).toContain(t.detail.answer.done);
      await expect(page.locator('#status').innerText()).resolves.toBe(t.statuses.answered);
    });

    const portal = textsFor('en');
    await browser.withPage({ javaScript: false, locale: 'en-GB' }, async (page) => {
      await page.goto(url('/en/status'));
      await page.locator('input[name="trackingNumber"]').fill(application.trackingNumber);
      await page.locator('input[name="accessCode"]').fill(application.accessCode);
      await submit(page.locator('form[action="/en/status"]'));
      await expect(page.locator('#status-words').innerText()).resolves.toBe(portal.status.words.answered);
      expect(await main(page).innerText()).toContain('The pipe at number 12 was repaired on Tuesday.');
    });
  });

  it('has no WCAG 2.1 AA violations on the sign-in page, the inbox and the application page', async () => {
    const other = await submitCase(stack, { subject: 'Low water pressure on Bahariye' });
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(url('/staff/sign-in'));
      await expectNoAccessibilityViolations(page, 'sign-in');

      await page.getByLabel(t.signIn.email).fill(officer.email);
      await page.getByLabel(t.signIn.password).fill('not the password');
      expect((await submit(page.locator('form[action="/staff/sign-in"]'))).status()).toBe(401);
      expect(await main(page).innerText()).toContain(t.signIn.invalidCredentials);
      await expectNoAccessibilityViolations(page, 'sign-in refused');

      await signIn(page);
      await expectNoAccessibilityViolations(page, 'inbox');
      await screenshot(page, 'console-inbox-en');

      await page.goto(url('/staff/inbox?due=yesterday'));
      await expectNoAccessibilityViolations(page, 'inbox with a refused filter');

      await page.goto(url(`/staff/applications/${other.id}`));
      await expectNoAccessibilityViolations(page, 'application');
      await screenshot(page, 'console-application-en', { fullPage: true });

      await page.locator('#note-text').fill('   ');
      expect((await submit(page.locator('#action-note form'))).status()).toBe(400);
      await expectNoAccessibilityViolations(page, 'application with a refused note');
    });
  });

  it('lets an officer without JavaScript transfer an application; the other agency’s officer then finds it in their inbox', async () => {
    const moved = await submitCase(stack, { subject: 'A water cut that belongs to Ankara' });
    const ankara = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer'], { signIn: false, name: 'Ankara Officer' });
    await browser.withPage({ javaScript: false, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page);
      await page.goto(url(`/staff/applications/${moved.id}`));
      await page.locator('#transfer-toAgencyId').selectOption(await agencyId(stack.db, 'ASKI'));
      await page.locator('#transfer-reasonCode').selectOption('misrouted');
      await page.locator('#transfer-note').fill('The street is in Ankara, not Kadıköy.');
      expect((await submit(page.locator('#action-transfer form'))).status()).toBe(303);
      expect(new URL(page.url()).pathname).toBe('/staff/inbox');
      expect(await page.locator('#confirmation').innerText()).toContain(t.detail.transfer.done);
      expect(await main(page).innerText()).not.toContain(moved.trackingNumber);
    });
    await browser.withPage({ javaScript: false, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, ankara);
      await main(page).getByRole('link', { name: moved.trackingNumber }).click();
      await expect(page.locator('#status').innerText()).resolves.toBe(t.statuses.routed);
      expect(await page.locator('#history').innerText()).toContain(t.historyKinds.transferred);
    });
  });

  it('has no WCAG 2.1 AA violations on the application page with every form shown, a canned response used, and a refused form', async () => {
    const c = await submitCase(stack, { type: 'information_request', subject: 'Every form on one page' });
    await waitFor(async () => (await stack.db.query('SELECT 1 FROM sla_clocks WHERE application_id = $1', [c.id])).rowCount === 3, 10000, 'the clocks');
    await stack.db.query(
      `INSERT INTO canned_responses (agency_id, code, language, title, body) VALUES ($1, 'thanks', 'en', 'Thanks', 'About {{trackingNumber}}: done.')`,
      [officer.agencyId],
    );
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page);
      await page.goto(url(`/staff/applications/${c.id}`));
      await submit(page.locator('#action-claim form'));
      for (const key of ['start', 'assign', 'ask', 'interim', 'canned', 'answer', 'extend-answer', 'transfer', 'reject', 'duplicate', 'note']) {
        expect(await page.locator(`#action-${key}`).count()).toBe(1);
      }
      await expectNoAccessibilityViolations(page, 'application with every form');
      await screenshot(page, 'console-application-actions-en', { fullPage: true });

      await page.locator('#canned-response').selectOption({ label: 'Thanks (en)' });
      await Promise.all([page.waitForURL(/canned=/), page.locator('#action-canned button').click()]);
      await expect(page.locator('#answer-text').inputValue()).resolves.toBe(`About ${c.trackingNumber}: done.`);
      await expectNoAccessibilityViolations(page, 'application with a canned response filled in');

      expect((await submit(page.locator('#action-transfer form'))).status()).toBe(400);
      expect(await page.locator('#action-transfer').innerText()).toContain(t.fieldErrors.isDefined);
      await expectNoAccessibilityViolations(page, 'application with a refused transfer');

      await page.locator('#answer-text').fill(`About ${c.trackingNumber}: done.`);
      expect((await submit(page.locator('#action-answer form'))).status()).toBe(303);
      expect(await page.locator('#action-close').count()).toBe(1);
      await expectNoAccessibilityViolations(page, 'answered application');
    });
  });

  it('has no WCAG 2.1 AA violations on the call intake page: empty, after a caller lookup, refused and with the receipt', async () => {
    const agent = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['agent'], { signIn: false, name: 'Call Agent' });
    await submitCase(stack, { subject: 'An earlier call about water', citizen: { name: 'Mehmet Kaya', phone: '0533 111 22 44' } });
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, agent);
      await page.getByRole('link', { name: t.callsLink }).click();
      expect(new URL(page.url()).pathname).toBe('/staff/calls/new');
      await expectNoAccessibilityViolations(page, 'call intake');

      await page.locator('#lookup-phone').fill('0533 111 22 44');
      await Promise.all([page.waitForURL(/\/staff\/calls\/lookup/), page.locator('form[action="/staff/calls/lookup"] button').click()]);
      expect(await page.locator('#caller-applications tbody tr').count()).toBe(1);
      await expectNoAccessibilityViolations(page, 'call intake after a lookup');

      await page.locator('#type').selectOption('complaint');
      await page.locator('#body').fill('   ');
      expect((await submit(page.locator('form[action="/staff/calls/new"]'))).status()).toBe(400);
      await expect(page.locator('#body-error').count()).resolves.toBe(1);
      await expectNoAccessibilityViolations(page, 'call intake refused');

      await page.locator('#body').fill('The caller has had no running water since Monday.');
      expect((await submit(page.locator('form[action="/staff/calls/new"]'))).status()).toBe(201);
      await expect(page.locator('#access-code').innerText()).resolves.toMatch(/^\d{8}$/);
      await expectNoAccessibilityViolations(page, 'call intake receipt');
    });
  });

  it('has no WCAG 2.1 AA violations on the users page, with a refused invitation and for a supervisor', async () => {
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false, name: 'Center Admin' });
    const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor'], { signIn: false, name: 'Kadıköy Supervisor' });
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, admin);
      await page.getByRole('link', { name: t.usersLink }).click();
      expect(new URL(page.url()).pathname).toBe('/staff/users');
      await expectNoAccessibilityViolations(page, 'users');

      await page.locator('#email').fill('not an email');
      expect((await submit(page.locator('form[action="/staff/users"]'))).status()).toBe(400);
      await expect(page.locator('#email-error').innerText()).resolves.toBe(t.fieldErrors.isEmail);
      await expectNoAccessibilityViolations(page, 'users with a refused invitation');

      // A user locked out after wrong passwords gets an unlock button.
      await stack.db.query(`UPDATE staff_users SET locked_until = now() + interval '1 hour' WHERE id = $1`, [supervisor.id]);
      await page.goto(url('/staff/users'));
      await expectNoAccessibilityViolations(page, 'users with a locked user');
      await submit(page.locator(`form[action="/staff/users/${supervisor.id}/unlock"]`));
      expect(await page.locator('#confirmation').innerText()).toContain(t.users.unlocked);
      expect(await page.locator(`form[action="/staff/users/${supervisor.id}/unlock"]`).count()).toBe(0);
    });
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, supervisor);
      await page.goto(url('/staff/users'));
      await expectNoAccessibilityViolations(page, 'users (supervisor)');
    });
  });

  it('lets a new officer follow the invitation link, choose Turkish, be refused a short password, set one and land signed in on the inbox; no WCAG 2.1 AA violations on the way', async () => {
    const tr = consoleTexts('tr');
    const admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    const invited = await invitedUser(stack.db, stack.apiUrl, admin.token);
    const link = url(`/staff/set-password?token=${invited.linkToken}`);
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      const opened = await page.goto(link);
      expect(opened?.status()).toBe(200);
      expect(await opened?.headerValue('referrer-policy')).toBe('no-referrer');
      expect(await main(page).innerText()).toContain(t.setPassword.policy({ min: 12 }));
      await expectNoAccessibilityViolations(page, 'set-password');

      await page.getByRole('link', { name: 'Türkçe' }).click();
      expect(page.url()).toBe(link);
      await expect(main(page).getByRole('heading', { level: 1 }).innerText()).resolves.toBe(tr.setPassword.title);

      await page.getByLabel(tr.setPassword.password).fill('kısa');
      expect((await submit(page.locator('form[action="/staff/set-password"]'))).status()).toBe(400);
      await expect(page.locator('#password-error').innerText()).resolves.toBe(tr.setPassword.tooShort({ min: 12 }));
      await expectNoAccessibilityViolations(page, 'set-password refused (tr)');

      await page.getByLabel(tr.setPassword.password).fill('uzun ve yeni bir parola');
      const done = await submit(page.locator('form[action="/staff/set-password"]'));
      expect(done.status()).toBe(303);
      expect(new URL(page.url()).pathname).toBe('/staff/inbox');
      await expect(main(page).getByRole('heading', { level: 1 }).innerText()).resolves.toBe(tr.inbox.title);

      const used = await page.goto(link);
      expect(used?.status()).toBe(400);
      expect(await main(page).innerText()).toContain(tr.setPassword.invalid);
      await expectNoAccessibilityViolations(page, 'set-password with a used link (tr)');
    });
  });

  it('speaks Turkish to a Turkish browser', async () => {
    const tr = consoleTexts('tr');
    await browser.withPage({ javaScript: true, locale: 'tr-TR' }, async (page) => {
      await page.goto(url('/staff/sign-in'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
      await expect(main(page).getByRole('heading', { level: 1 }).innerText()).resolves.toBe(tr.signIn.title);
      await expectNoAccessibilityViolations(page, 'sign-in (tr)');
    });
  });
});
