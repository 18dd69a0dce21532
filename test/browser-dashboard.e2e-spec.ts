import type { Page } from 'playwright-core';
import { consoleTexts } from '@petitio/web-console';
import { textsFor } from '@petitio/web-portal';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { submitRouted } from './support/applications';
import { rollupsCaughtUp } from './support/dashboard-rollups';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';

/** The SLA dashboard in real headless Chromium: accessible, and its headline figures follow new applications live. */
jest.setTimeout(120000);

const t = consoleTexts('en');

describe('SLA dashboard in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let admin: TestStaff;

  beforeAll(async () => {
    // Public lines need two applications: the complaints are published, the lone request is withheld.
    stack = await startStack({ env: { DASHBOARD_LIVE_INTERVAL_MS: '300', DASHBOARD_REFRESH_MS: '200', PUBLIC_STATISTICS_MIN_COUNT: '2' } });
    browser = await TestBrowser.launch();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false });
    await submitRouted(stack, { subject: 'No water on Moda Caddesi' });
    await rollupsCaughtUp(stack.db);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const figure = (page: Page, key: string) => page.locator(`#live [data-figure="${key}"]`);

  it('shows the figures with no accessibility violations and raises "received today" when an application arrives, without reloading', async () => {
    await browser.withPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(`${stack.apiUrl}/staff/dashboard`);
      await page.getByLabel(t.signIn.email).fill(admin.email);
      await page.getByLabel(t.signIn.password).fill(STAFF_PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.endsWith('/sign-in')),
        page.locator('form[action="/staff/sign-in"] button[type="submit"]').click(),
      ]);
      await page.getByRole('link', { name: t.dashboardLink }).click();
      await page.waitForURL('**/staff/dashboard');
      await expect(figure(page, 'receivedToday').textContent()).resolves.toBe('1');
      // The period's figures come from the rollups, caught up before the page was drawn.
      await expect(page.locator('#transfers tr[data-key="applications"] td').textContent()).resolves.toBe('1');
      // The script has connected once the page carries the time of a pushed update.
      await page.waitForSelector('#live[data-updated]');
      await expectNoAccessibilityViolations(page, 'the SLA dashboard');
      await screenshot(page, 'console-dashboard-en', { fullPage: true });

      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      await submitRouted(stack, { subject: 'Burst main on Bahariye' });
      await page.waitForFunction(() => document.querySelector('#live [data-figure="receivedToday"]')?.textContent === '2', undefined, { timeout: 15000 });
      await expect(figure(page, 'open').textContent()).resolves.toBe('2');
      expect(navigations).toEqual([]);
    });
  });

  it('shows the public statistics, right to left in Arabic, withholding a line of fewer applications than the minimum and the line that would reveal it, with no accessibility violations', async () => {
    await submitRouted(stack, { type: 'request', subject: 'Please fix the street light on Bahariye' });
    await rollupsCaughtUp(stack.db);
    await browser.withPage({ locale: 'ar' }, async (page) => {
      await page.goto(`${stack.apiUrl}/ar/statistics`);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('#total tr[data-key="total"] td').first().textContent()).resolves.toBe('3');
      // The one request is withheld, and so are the two complaints: the total less them would give the request away.
      for (const type of ['request', 'complaint']) {
        const withheld = page.locator(`#by-type tr[data-key="${type}"] td`);
        await expect(withheld.count()).resolves.toBe(1);
        await expect(withheld.textContent()).resolves.toBe(textsFor('ar').statistics.withheld({ n: 2 }));
      }
      await expectNoAccessibilityViolations(page, 'the public statistics in Arabic');
      await screenshot(page, 'portal-statistics-ar');
    });
  });
});
