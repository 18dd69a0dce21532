import type { Page } from 'playwright-core';
import { adminRoutingTexts } from '@petitio/web-admin';
import { consoleTexts } from '@petitio/web-console';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';
import { submitForm } from './support/console-forms';

/**
 * A center admin keeps the routing rules and the SLA policies in real headless Chromium against the real api and
 * worker; every page passes axe-core's WCAG 2.1 AA rules. Expected sentences come from the catalogues.
 */
jest.setTimeout(120000);

const t = consoleTexts('en');
const a = adminRoutingTexts('en');
const WIDE = { width: 1280, height: 900 };

describe('routing rules and SLA policies admin in a real browser', () => {
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

  const submit = submitForm;

  async function signIn(page: Page, language: 'en' | 'tr' = 'en'): Promise<void> {
    const texts = consoleTexts(language);
    await page.goto(url('/staff/admin/routing'));
    await page.getByLabel(texts.signIn.email).fill(admin.email);
    await page.getByLabel(texts.signIn.password).fill(STAFF_PASSWORD);
    expect((await submit(page.locator('form[action="/staff/sign-in"]'))).status()).toBe(303);
  }

  it('lets a center admin add a routing rule, see it in order, preview it, edit it and delete it, on accessible pages', async () => {
    await browser.withPage({ locale: 'en-GB', viewport: WIDE }, async (page) => {
      await signIn(page);
      await page.goto(url('/staff/admin/routing'));
      await expect(page.locator('h1').innerText()).resolves.toBe(a.routing.title);
      await page.getByRole('navigation', { name: t.mainNavigation }).getByRole('link', { name: t.routingLink }).waitFor();
      await expectNoAccessibilityViolations(page, 'the routing rules page');
      await screenshot(page, 'console-admin-routing-en');

      // Refused first: the errors sit next to their fields, and the page stays accessible.
      await page.locator('#code').fill('Bad Code');
      await page.locator('#topicCode').selectOption('roads');
      await page.locator('#agencyCode').selectOption('UAB');
      await submit(page.locator('#create-rule'));
      await expect(page.locator('#code-error').innerText()).resolves.toBe(a.fieldErrors.rule_code_format);
      await expect(page.locator('#code').getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoAccessibilityViolations(page, 'the routing rules page with a refused form');

      await page.locator('#code').fill('roads-kadikoy');
      await page.locator('#description').fill('Road complaints in Kadıköy go to the ministry');
      await page.locator('#typeCode').selectOption('complaint');
      await page.locator('#topicCode').selectOption('roads');
      await page.locator('#districtCode').selectOption('TR-34-KDK');
      await page.locator('#agencyCode').selectOption('UAB');
      await page.locator('#position').fill('20');
      await submit(page.locator('#create-rule'));
      expect(new URL(page.url()).search).toBe('?done=created');
      await expect(page.locator('#confirmation').innerText()).resolves.toContain(a.routing.done.created);
      const row = page.locator('tr[data-code="roads-kadikoy"]');
      await expect(row.innerText()).resolves.toContain('Ministry of Transport and Infrastructure');

      await page.locator('#preview-type').selectOption('complaint');
      await page.locator('#preview-topicCode').selectOption('roads');
      await page.locator('#preview-districtCode').selectOption('TR-34-KDK');
      await page.locator('#preview-body').fill('A pothole on Moda Caddesi.');
      await submit(page.locator('#preview-form'));
      const result = await page.locator('#preview-result').innerText();
      expect(result).toContain(a.routing.wouldGoTo({ agency: 'Ministry of Transport and Infrastructure' }));
      expect(result).toContain('roads-kadikoy');
      await expectNoAccessibilityViolations(page, 'the routing rules page with a preview');
      await screenshot(page, 'console-admin-routing-preview-en');

      await row.getByRole('link', { name: a.routing.edit({ code: 'roads-kadikoy' }) }).click();
      await page.waitForLoadState('domcontentloaded');
      await expectNoAccessibilityViolations(page, 'the routing rule edit page');
      await screenshot(page, 'console-admin-routing-edit-en', { fullPage: true });
      await page.locator('#agencyCode').selectOption('KGM-34');
      await submit(page.locator('#edit-rule'));
      await expect(page.locator('#confirmation').innerText()).resolves.toContain(a.routing.done.updated);
      await expect(page.locator('tr[data-code="roads-kadikoy"]').innerText()).resolves.toContain('Istanbul Regional Directorate of Highways');

      await page.locator('tr[data-code="roads-kadikoy"]').getByRole('link').click();
      await page.getByRole('link', { name: a.routing.delete }).click();
      await page.waitForLoadState('domcontentloaded');
      await expectNoAccessibilityViolations(page, 'the routing rule delete confirmation');
      await submit(page.locator('#delete-rule'));
      await expect(page.locator('#confirmation').innerText()).resolves.toContain(a.routing.done.deleted);
      await expect(page.locator('tr[data-code="roads-kadikoy"]').count()).resolves.toBe(0);
    });
  });

  it('lets a center admin change an SLA policy on its page, moving open deadlines when asked, on accessible pages', async () => {
    await browser.withPage({ locale: 'en-GB', viewport: WIDE }, async (page) => {
      await signIn(page);
      await page.goto(url('/staff/admin/sla-policies'));
      await expect(page.locator('h1').innerText()).resolves.toBe(a.sla.title);
      await expectNoAccessibilityViolations(page, 'the SLA policies page');
      await screenshot(page, 'console-admin-sla-policies-en');

      await page.getByRole('link', { name: a.sla.edit({ code: 'TR-3071-SUGGESTION' }) }).click();
      await page.waitForLoadState('domcontentloaded');
      await expectNoAccessibilityViolations(page, 'the SLA policy edit page');
      await page.locator('#period-amount').fill('45');
      await page.locator('#period-unit').selectOption('calendar_days');
      await page.locator('#warningShares').fill('50, 90');
      await page.locator('#ladder-2-parent_agency').uncheck();
      await page.getByLabel(a.sla.applyMove).check();
      await submit(page.locator('#edit-policy'));
      await expect(page.locator('#confirmation').innerText()).resolves.toMatch(/saved/);
      await expectNoAccessibilityViolations(page, 'the SLA policy edit page after saving');
      await screenshot(page, 'console-admin-sla-policy-en', { fullPage: true });
      const { rows } = await stack.db.query(`SELECT amount, unit, warning_shares, ladder FROM sla_policies WHERE code = 'TR-3071-SUGGESTION'`);
      expect(rows[0]).toMatchObject({ amount: '45', unit: 'calendar_days' });
      expect(rows[0].warning_shares.map(Number)).toEqual([0.5, 0.9]);
      expect(rows[0].ladder[2]).toEqual(['center_queue']);

      await page.locator('#period-amount').fill('');
      await submit(page.locator('#edit-policy'));
      await expect(page.locator('#period-amount-error').isVisible()).resolves.toBe(true);
      await expectNoAccessibilityViolations(page, 'the SLA policy edit page with a refused form');
    });
  });

  it('shows the admin pages in Turkish, accessible too', async () => {
    await browser.withPage({ locale: 'tr-TR', viewport: WIDE }, async (page) => {
      await signIn(page, 'tr');
      const tr = adminRoutingTexts('tr');
      await page.goto(url('/staff/admin/routing'));
      await expect(page.locator('h1').innerText()).resolves.toBe(tr.routing.title);
      await expectNoAccessibilityViolations(page, 'the Turkish routing rules page');
      await screenshot(page, 'console-admin-routing-tr');
      await page.goto(url('/staff/admin/sla-policies/TR-4982-INFORMATION-REQUEST'));
      await expect(page.locator('h1').innerText()).resolves.toBe(tr.sla.editTitle({ code: 'TR-4982-INFORMATION-REQUEST' }));
      await expectNoAccessibilityViolations(page, 'the Turkish SLA policy edit page');
    });
  });
});
