import type { Page } from 'playwright-core';
import { textDirection } from '@petitio/i18n';
import { consoleLanguages, consoleTexts } from '@petitio/web-console';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { Case, submitCase } from './support/casework';
import { submitForm } from './support/console-forms';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';

/**
 * Every page of the staff console in every console language, in real headless Chromium: the page says its
 * language and direction (Arabic right to left) and axe-core finds no WCAG 2.1 AA violation.
 */
jest.setTimeout(240000);

describe('staff console in every language', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let admin: TestStaff;
  let application: Case;

  beforeAll(async () => {
    // Every language with a console catalog, offered by this deployment.
    stack = await startStack({ env: { SUPPORTED_LANGUAGES: consoleLanguages().join(',') } });
    browser = await TestBrowser.launch();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin', 'agent'], { signIn: false, name: 'Center Admin' });
    application = await submitCase(stack, { subject: 'No water on Moda Caddesi', body: 'No running water since Monday at number 12.' });
    // A key and a subscription, so that their pages have a table to show.
    await stack.db.query(`INSERT INTO api_clients (name, kind, key_hash, key_hint) VALUES ('City app', 'open311', '\\x00', 'ab12')`);
    await stack.db.query(
      `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ('https://cases.example.gov/petitio', '{application.routed}', 'whsec_dGVzdA==')`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const url = (path: string) => `${stack.apiUrl}${path}`;

  /** The first link on the page into `prefix` (a rule, a policy, an agency), so the pages' own ids are used. */
  async function firstLinkInto(page: Page, prefix: string): Promise<string> {
    const href = await page.locator(`main a[href^="${prefix}/"]`).first().getAttribute('href');
    expect(href).toBeTruthy();
    return href!;
  }

  async function expectPage(page: Page, language: string, path: string, what: string): Promise<void> {
    const response = await page.goto(url(path));
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, textDirection(language)]);
    await expectNoAccessibilityViolations(page, `${what} (${language})`);
  }

  it.each(consoleLanguages())('in %s, every console page says its language and direction and has no WCAG 2.1 AA violations', async (language) => {
    const t = consoleTexts(language);
    await browser.withPage({ javaScript: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(url(`/staff/language/${language}?back=${encodeURIComponent('/staff/sign-in')}`));
      await expectPage(page, language, '/staff/sign-in', 'sign-in');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(t.signIn.title);
      await page.getByLabel(t.signIn.email).fill(admin.email);
      await page.getByLabel(t.signIn.password).fill(STAFF_PASSWORD);
      expect((await submitForm(page.locator('form[action="/staff/sign-in"]'))).status()).toBe(303);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(t.inbox.title);

      await expectPage(page, language, '/staff/inbox', 'inbox');
      await expectPage(page, language, `/staff/applications/${application.id}`, 'application');
      if (language === 'ar') await screenshot(page, 'console-application-ar', { fullPage: false });
      await expectPage(page, language, '/staff/calls/new', 'call intake');
      await expectPage(page, language, '/staff/users', 'users');
      await expectPage(page, language, '/staff/dashboard', 'dashboard');
      if (language === 'ar') await screenshot(page, 'console-dashboard-ar', { fullPage: false });
      await expectPage(page, language, '/staff/admin/agencies', 'agencies');
      await expectPage(page, language, await firstLinkInto(page, '/staff/admin/agencies'), 'agency');
      await expectPage(page, language, '/staff/admin/topics', 'topics');
      await expectPage(page, language, await firstLinkInto(page, '/staff/admin/topics'), 'topic');
      await expectPage(page, language, '/staff/admin/routing', 'routing rules');
      await expectPage(page, language, await firstLinkInto(page, '/staff/admin/routing'), 'routing rule');
      await expectPage(page, language, '/staff/admin/sla-policies', 'SLA policies');
      await expectPage(page, language, await firstLinkInto(page, '/staff/admin/sla-policies'), 'SLA policy');
      await expectPage(page, language, '/staff/admin/api-clients', 'API keys');
      await expectPage(page, language, '/staff/admin/webhooks', 'webhooks');
      await expectPage(page, language, await firstLinkInto(page, '/staff/admin/webhooks'), 'webhook deliveries');
    });
  });

  it('counts in Arabic with its six plural forms', () => {
    const sla = consoleTexts('ar').sla;
    const said = [0, 1, 2, 3, 11, 100].map((n) => sla.daysLeft({ n }));
    expect(new Set(said).size).toBe(6);
    expect(consoleTexts('en').sla.daysLeft({ n: 1 })).toBe('1 day left');
    expect(consoleTexts('en').sla.daysLeft({ n: 2 })).toBe('2 days left');
  });
});
