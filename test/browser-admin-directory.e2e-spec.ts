import type { Page } from 'playwright-core';
import { languageNameIn } from '@petitio/i18n';
import { adminDirectoryTexts } from '@petitio/web-admin';
import { consoleTexts } from '@petitio/web-console';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { submitForm } from './support/console-forms';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';

/** A center admin keeps the directory and the topics through the console pages, in real headless Chromium. */
jest.setTimeout(120000);

const WIDE = { width: 1280, height: 900 };

describe('directory and topics admin pages in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let admin: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    browser = await TestBrowser.launch();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false, name: 'Center Admin' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const url = (path: string) => `${stack.apiUrl}${path}`;

  async function signIn(page: Page, language: 'en' | 'tr'): Promise<void> {
    const t = consoleTexts(language);
    await page.goto(url('/staff/inbox'));
    await page.getByLabel(t.signIn.email).fill(admin.email);
    await page.getByLabel(t.signIn.password).fill(STAFF_PASSWORD);
    expect((await submitForm(page.locator('form[action="/staff/sign-in"]'))).status()).toBe(303);
  }

  it('lets a center admin add an agency from the directory page, in English, with no accessibility violation', async () => {
    const d = adminDirectoryTexts('en');
    const t = consoleTexts('en');
    await browser.withPage({ locale: 'en-GB', viewport: WIDE }, async (page) => {
      await signIn(page, 'en');
      await page.getByRole('link', { name: t.directoryLink }).click();
      await page.waitForURL(url('/staff/admin/agencies'));
      expect(await page.locator('h1').textContent()).toBe(d.agencies.title);
      await expectNoAccessibilityViolations(page, 'the directory page');
      await screenshot(page, 'console-admin-agencies-en');

      const form = page.locator('form[action="/staff/admin/agencies"]');
      // Refused first: the error is next to its field, the page still accessible.
      await page.getByLabel(d.agencies.code).fill('MOH 35');
      await page.getByLabel(d.names.nameIn({ language: languageNameIn('en', 'en') })).fill('Izmir Provincial Health Directorate');
      await page.getByLabel(d.agencies.kind).selectOption('directorate');
      expect((await submitForm(form)).status()).toBe(400);
      expect(await page.locator('#code-error').textContent()).toBe(d.fieldErrors.invalid_code);
      await expectNoAccessibilityViolations(page, 'the refused directory form');

      await page.getByLabel(d.agencies.code).fill('MOH-35');
      await page.getByLabel(d.names.nameIn({ language: languageNameIn('tr', 'en') })).fill('İzmir İl Sağlık Müdürlüğü');
      await page.getByLabel(d.agencies.parentCode).selectOption('MOH');
      expect((await submitForm(form)).status()).toBe(303);
      expect(new URL(page.url()).search).toBe('?done=created');
      expect(await page.locator('#confirmation').textContent()).toContain(d.agencies.done.created);
      const created = page.locator('li[data-code="MOH"] li[data-code="MOH-35"] > a');
      expect(await created.textContent()).toBe('Izmir Provincial Health Directorate');

      await created.click();
      await page.waitForURL(url('/staff/admin/agencies/MOH-35'));
      await expectNoAccessibilityViolations(page, 'the agency page');
      await screenshot(page, 'console-admin-agency-edit-en');
    });
    const { rows } = await stack.db.query(`SELECT a.names, p.code AS parent FROM agencies a JOIN agencies p ON p.id = a.parent_id WHERE a.code = 'MOH-35'`);
    expect(rows[0]).toEqual({ names: { tr: 'İzmir İl Sağlık Müdürlüğü', en: 'Izmir Provincial Health Directorate' }, parent: 'MOH' });
  });

  it('lets a center admin add a topic from the topics page, in Turkish, with no accessibility violation', async () => {
    const d = adminDirectoryTexts('tr');
    const t = consoleTexts('tr');
    await browser.withPage({ locale: 'tr-TR', viewport: WIDE }, async (page) => {
      await signIn(page, 'tr');
      await page.getByRole('link', { name: t.topicsLink }).click();
      await page.waitForURL(url('/staff/admin/topics'));
      expect(await page.locator('h1').textContent()).toBe(d.topics.title);
      await expectNoAccessibilityViolations(page, 'the topics page');
      await screenshot(page, 'console-admin-topics-tr');

      await page.getByLabel(d.topics.code, { exact: true }).fill('parks');
      await page.getByLabel(d.names.nameIn({ language: languageNameIn('tr', 'tr') })).fill('Parklar');
      await page.getByLabel(d.names.nameIn({ language: languageNameIn('en', 'tr') })).fill('Parks');
      await page.getByLabel(d.topics.defaultAgencyCode).selectOption('ASKI');
      await page.getByLabel(d.topics.keywords).fill('park*, bahçe');
      expect((await submitForm(page.locator('form[action="/staff/admin/topics"]'))).status()).toBe(303);
      expect(await page.locator('#confirmation').textContent()).toContain(d.topics.done.created);
      const row = page.locator('tr[data-code="parks"]');
      expect(await row.locator('td').nth(2).textContent()).toBe('Ankara Su ve Kanalizasyon İdaresi');

      await row.getByRole('link', { name: 'Parklar' }).click();
      await page.waitForURL(url('/staff/admin/topics/parks'));
      await expectNoAccessibilityViolations(page, 'the topic page');
      await screenshot(page, 'console-admin-topic-edit-tr');
    });
    const { rows } = await stack.db.query(
      `SELECT t.names, t.keywords, g.code AS agency FROM topics t JOIN agencies g ON g.id = t.default_agency_id WHERE t.code = 'parks'`,
    );
    expect(rows[0]).toEqual({ names: { tr: 'Parklar', en: 'Parks' }, keywords: ['park*', 'bahçe'], agency: 'ASKI' });
  });
});
