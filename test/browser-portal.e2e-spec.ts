import type { Locator, Page, Response } from 'playwright-core';
import { PortalLanguage, PortalTexts, portalLanguages, textsFor } from '@petitio/web-portal';
import { digits, routedAgencyCode } from './support/applications';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { act, versionOf } from './support/casework';
import { submitForm } from './support/console-forms';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { identityOf } from './support/identities';

/**
 * The citizen portal as a citizen uses it: real headless Chromium against the real api and worker.
 * Expected sentences come from the portal's own catalogues (apps/api/src/portal/i18n), so these tests
 * check that the right sentence reaches the right place, not the wording itself.
 */
jest.setTimeout(120000);

interface Receipt {
  trackingNumber: string;
  accessCode: string;
}

interface ApplicationForm {
  type: string;
  subject: string;
  body?: string;
  name?: string;
  phone?: string;
  consent?: boolean;
}

const KADIKOY_WATER = { topic: 'water', provinceCode: 'TR-34', districtCode: 'TR-34-KDK' };

/** Every language with a portal catalog, offered by this deployment; Turkish first, the demo's default. */
const LANGUAGES = ['tr', ...portalLanguages().filter((language) => language !== 'tr')];

describe('citizen portal in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        STATUS_LOOKUP_LIMIT_PER_MINUTE: '500',
        STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: '500',
        STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: '500',
        SUPPORTED_LANGUAGES: LANGUAGES.join(','),
      },
    });
    browser = await TestBrowser.launch();
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const url = (path: string) => `${stack.apiUrl}${path}`;
  const main = (page: Page) => page.locator('main');
  const field = (page: Page, name: string) => page.locator(`[name="${name}"]:not([type="hidden"])`).first();

  /** The portal's forms submit with a plain button (no type) or an input. */
  const submit = (form: Locator) => submitForm(form, 'button:not([type="button"]):not([type="reset"]), input[type="submit"]');

  const applyForm = (page: Page) => page.locator('form:has(textarea[name="body"])');
  const statusForm = (page: Page) => page.locator('form:has(input[name="accessCode"]:not([type="hidden"]))');

  async function fillApplication(page: Page, values: ApplicationForm): Promise<void> {
    await page.locator(`input[name="type"][value="${values.type}"]`).check();
    await field(page, 'topic').selectOption(KADIKOY_WATER.topic);
    await field(page, 'subject').fill(values.subject);
    if (values.body !== undefined) await field(page, 'body').fill(values.body);
    await field(page, 'provinceCode').selectOption(KADIKOY_WATER.provinceCode);
    await field(page, 'districtCode').selectOption(KADIKOY_WATER.districtCode);
    if (values.name !== undefined) await field(page, 'name').fill(values.name);
    if (values.phone !== undefined) await field(page, 'phone').fill(values.phone);
    if (values.consent !== false) await field(page, 'consent').check();
  }

  /** The tracking number and access code as the receipt page shows them to the citizen. */
  async function readReceipt(page: Page): Promise<Receipt> {
    const trackingNumber = (await page.locator('#tracking-number').innerText()).trim();
    const accessCode = (await page.locator('#access-code').innerText()).trim();
    expect(trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
    expect(accessCode.replace(/\D/g, '')).toMatch(/^\d{8}$/);
    return { trackingNumber, accessCode };
  }

  async function lookUpStatus(page: Page, language: PortalLanguage, receipt: Receipt): Promise<Response> {
    await page.goto(url(`/${language}/status`));
    await field(page, 'trackingNumber').fill(receipt.trackingNumber);
    await field(page, 'accessCode').fill(receipt.accessCode);
    return submit(statusForm(page));
  }

  async function applicationRow(trackingNumber: string) {
    const { rows } = await stack.db.query('SELECT id, channel, language, type_code, subject, body, status FROM applications WHERE tracking_number = $1', [
      digits(trackingNumber),
    ]);
    return rows[0];
  }

  /** Submits a valid Kadıköy water complaint through the page's form in the page's language. */
  async function applyThroughForm(page: Page, language: PortalLanguage, subject = 'Su kesintisi'): Promise<Receipt> {
    await page.goto(url(`/${language}/apply`));
    await fillApplication(page, {
      type: 'complaint',
      subject,
      body: 'Moda Caddesi’nde pazartesiden beri su yok.',
      name: 'Ayşe Yılmaz',
      phone: '0532 123 45 67',
    });
    const response = await submit(applyForm(page));
    expect(response.status()).toBe(201);
    return readReceipt(page);
  }

  /**
   * What went wrong in the browser: console errors (a Content-Security-Policy refusal shows up there), uncaught
   * page errors, and stylesheets or other resources that failed to load. Pages themselves may answer 400 or 404.
   */
  function collectPageErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'document' && r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => errors.push(`${r.failure()?.errorText} ${r.url()}`));
    return errors;
  }

  it('lets a citizen without JavaScript apply in Turkish, keep the receipt and find the status with it', async () => {
    const t = textsFor('tr');
    await browser.withPage({ javaScript: false, locale: 'tr-TR' }, async (page) => {
      await page.goto(url('/'));
      expect(new URL(page.url()).pathname).toBe('/tr/');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');

      await main(page).getByRole('link', { name: t.home.apply }).click();
      expect(new URL(page.url()).pathname).toBe('/tr/apply');
      await fillApplication(page, {
        type: 'complaint',
        subject: 'Sokağımızda su yok',
        body: 'Moda Caddesi’nde pazartesiden beri su akmıyor.',
        name: 'Ayşe Yılmaz',
        phone: '0532 123 45 67',
      });
      const response = await submit(applyForm(page));

      expect(response.status()).toBe(201);
      expect(response.headers()['cache-control']).toContain('no-store');
      await expect(main(page).getByRole('heading', { level: 1 }).innerText()).resolves.toBe(t.receipt.title);
      const receipt = await readReceipt(page);
      expect(await main(page).innerText()).toContain(t.receipt.writeDown);
      expect(page.url()).not.toContain(receipt.accessCode);
      expect(await applicationRow(receipt.trackingNumber)).toMatchObject({
        channel: 'web',
        language: 'tr',
        type_code: 'complaint',
        subject: 'Sokağımızda su yok',
      });
      expect(await identityOf(stack.db, digits(receipt.trackingNumber))).toMatchObject({ name: 'Ayşe Yılmaz' });
      await routedAgencyCode(stack.db, receipt.trackingNumber);

      await main(page).getByRole('link', { name: t.receipt.followLink }).click();
      expect(new URL(page.url()).pathname).toBe('/tr/status');
      await field(page, 'trackingNumber').fill(receipt.trackingNumber);
      await field(page, 'accessCode').fill(receipt.accessCode);
      const status = await submit(statusForm(page));

      expect(status.status()).toBe(200);
      expect(page.url()).not.toContain(receipt.accessCode);
      const shown = await main(page).innerText();
      expect(shown).toContain(receipt.trackingNumber);
      await expect(page.locator('#status-words').innerText()).resolves.toBe(t.status.words.routed);
      expect(shown).toContain('İSKİ Kadıköy Şube Müdürlüğü');
      expect(shown).toContain(t.status.events.received);
    });
  });

  it('lets a citizen with JavaScript apply in English after switching language, on a first load under 100 KB', async () => {
    const t = textsFor('en');
    await browser.withPage({ javaScript: true, locale: 'tr-TR' }, async (page) => {
      const errors = collectPageErrors(page);
      // First load of the heaviest page in a fresh browser: the HTML and everything it pulls in.
      const bodies: Promise<number>[] = [];
      const count = (r: Response) =>
        bodies.push(
          r.body().then(
            (b) => b.length,
            () => 0,
          ),
        );
      page.on('response', count);
      await page.goto(url('/tr/apply'), { waitUntil: 'load' });
      page.off('response', count);
      const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
      expect(bytes).toBeGreaterThan(1000);
      expect(bytes).toBeLessThan(100 * 1024);

      await page.locator('a[href="/en/apply"]').first().click();
      expect(new URL(page.url()).pathname).toBe('/en/apply');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await fillApplication(page, {
        type: 'request',
        subject: 'Water cut on our street',
        body: 'There has been no running water on Moda Caddesi since Monday.',
      });
      const response = await submit(applyForm(page));
      expect(response.status()).toBe(201);
      await expect(main(page).getByRole('heading', { level: 1 }).innerText()).resolves.toBe(t.receipt.title);
      const receipt = await readReceipt(page);
      expect(await applicationRow(receipt.trackingNumber)).toMatchObject({ channel: 'web', language: 'en', type_code: 'request' });
      await routedAgencyCode(stack.db, receipt.trackingNumber);

      const status = await lookUpStatus(page, 'en', receipt);
      expect(status.status()).toBe(200);
      const shown = await main(page).innerText();
      expect(shown).toContain(receipt.trackingNumber);
      await expect(page.locator('#status-words').innerText()).resolves.toBe(t.status.words.routed);
      expect(shown).toContain('ISKI Kadikoy Branch');
      expect(errors).toEqual([]);
    });
  });

  it('keeps what was typed and shows each error next to its field and in a summary at the top', async () => {
    const t = textsFor('en');
    await browser.withPage({ javaScript: false, locale: 'en-GB' }, async (page) => {
      const before = (await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n;
      await page.goto(url('/en/apply'));
      await fillApplication(page, { type: 'complaint', subject: 'Broken water main', consent: false });
      const response = await submit(applyForm(page));

      expect(response.status()).toBe(400);
      expect((await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n).toBe(before);
      await expect(field(page, 'subject').inputValue()).resolves.toBe('Broken water main');
      await expect(field(page, 'districtCode').inputValue()).resolves.toBe(KADIKOY_WATER.districtCode);
      await expect(page.locator('input[name="type"][value="complaint"]').isChecked()).resolves.toBe(true);

      for (const [name, message] of [
        ['body', t.fieldErrors['body.required']],
        ['consent', t.fieldErrors['consent.required']],
      ] as const) {
        const input = field(page, name);
        await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
        const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
        const descriptions = await Promise.all(
          describedBy
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => page.locator(`[id="${id}"]`).innerText()),
        );
        expect(descriptions.join(' ')).toContain(message);

        const id = await input.getAttribute('id');
        const summaryLink = page.locator(`a[href="#${id}"]`);
        await expect(summaryLink.innerText()).resolves.toContain(message);
      }
      const valid = field(page, 'subject');
      expect(await valid.getAttribute('aria-invalid')).not.toBe('true');

      const summary = main(page).getByText(t.apply.errorSummary);
      const summaryBox = await summary.boundingBox();
      const firstFieldBox = await page.locator('input[name="type"]').first().boundingBox();
      expect(summaryBox!.y).toBeLessThan(firstFieldBox!.y);

      // Correcting the two fields submits the very same form.
      await field(page, 'body').fill('The main on Moda Caddesi burst and the street is flooded.');
      await field(page, 'consent').check();
      const fixed = await submit(applyForm(page));
      expect(fixed.status()).toBe(201);
      const receipt = await readReceipt(page);
      expect(await applicationRow(receipt.trackingNumber)).toMatchObject({ subject: 'Broken water main', language: 'en' });
    });
  });

  it('sends a chosen photo with the form without JavaScript, and the status counts it', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR')]);
    await browser.withPage({ javaScript: false, locale: 'en-GB' }, async (page) => {
      await page.goto(url('/en/apply'));
      await fillApplication(page, { type: 'complaint', subject: 'Burst pipe', body: 'A pipe burst on Moda Caddesi; photo attached.' });
      await field(page, 'attachments').setInputFiles({ name: 'pipe.png', mimeType: 'image/png', buffer: png });
      expect((await submit(applyForm(page))).status()).toBe(201);
      const receipt = await readReceipt(page);
      const { rows } = await stack.db.query(
        'SELECT f.original_name, f.media_type FROM application_attachments f JOIN applications a ON a.id = f.application_id WHERE a.tracking_number = $1',
        [digits(receipt.trackingNumber)],
      );
      expect(rows).toEqual([{ original_name: 'pipe.png', media_type: 'image/png' }]);
      expect((await lookUpStatus(page, 'en', receipt)).status()).toBe(200);
      await expect(page.locator('#attachment-count').innerText()).resolves.toBe('1');
    });
  });

  it('renders Arabic pages right to left, and sends an Arabic browser to them', async () => {
    await browser.withPage({ javaScript: true, locale: 'ar-EG' }, async (page) => {
      await page.goto(url('/'));
      expect(new URL(page.url()).pathname).toBe('/ar/');
      expect(await page.evaluate(() => ({ dir: document.dir, lang: document.documentElement.lang }))).toEqual({ dir: 'rtl', lang: 'ar' });
      expect(await main(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

      await page.goto(url('/ar/apply'));
      expect(await page.evaluate(() => document.dir)).toBe('rtl');
      expect(await applyForm(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await field(page, 'subject').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      await screenshot(page, 'portal-apply-ar');

      await page.goto(url('/ar/status'));
      expect(await statusForm(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // An English page stays left to right.
      await page.goto(url('/en/'));
      expect(await page.evaluate(() => document.dir)).not.toBe('rtl');
    });
  });

  it('answers an unknown number and a wrong access code with the same page', async () => {
    const t = textsFor('en');
    const receipt = await browser.withPage({}, (page) => applyThroughForm(page, 'en'));
    await browser.withPage({ javaScript: false, locale: 'en-GB' }, async (page) => {
      const wrongCode = await lookUpStatus(page, 'en', { ...receipt, accessCode: receipt.accessCode === '00000000' ? '11111111' : '00000000' });
      const wrongCodePage = await main(page).innerText();
      const unknown = await lookUpStatus(page, 'en', { trackingNumber: '0000-0000-000', accessCode: receipt.accessCode });
      const unknownPage = await main(page).innerText();

      expect(wrongCode.status()).toBe(unknown.status());
      expect(wrongCode.status()).toBe(404);
      expect(wrongCodePage).toContain(t.status.notFound);
      expect(wrongCodePage.replace(receipt.trackingNumber, '#')).toBe(unknownPage.replace('0000-0000-000', '#'));
    });
  });

  it('shows the citizen the question an officer asks, takes the reply, shows the answer, then takes a rating and an appeal', async () => {
    const t = textsFor('en');
    await browser.withPage({ javaScript: false, locale: 'en-GB' }, async (page) => {
      const receipt = await applyThroughForm(page, 'en', 'Water cut since Monday');
      await routedAgencyCode(stack.db, receipt.trackingNumber);
      const { id } = await applicationRow(receipt.trackingNumber);

      await act(stack, officer, id, 'claim', { version: await versionOf(stack, id) }).expect(200);
      await act(stack, officer, id, 'information-requests', {
        version: await versionOf(stack, id),
        question: 'Which building number is without water?',
      }).expect(201);

      await lookUpStatus(page, 'en', receipt);
      let shown = await main(page).innerText();
      await expect(page.locator('#status-words').innerText()).resolves.toBe(t.status.words.awaiting_citizen);
      expect(shown).toContain('Which building number is without water?');
      const replyForm = page.locator('form[action$="/status/reply"]');
      await replyForm.locator('textarea[name="text"]').fill('Number 12 and number 14.');
      const replied = await submit(replyForm);
      expect(replied.status()).toBeLessThan(300);
      expect(page.url()).not.toContain(receipt.accessCode);
      shown = await main(page).innerText();
      expect(shown).toContain(t.status.reply.done);
      expect(shown).toContain('Number 12 and number 14.');
      const { rows: replies } = await stack.db.query(
        `SELECT body FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen' AND kind = 'citizen_reply'`,
        [id],
      );
      expect(replies).toEqual([{ body: 'Number 12 and number 14.' }]);

      await act(stack, officer, id, 'answers', { version: await versionOf(stack, id), text: 'The pipe at number 12 was repaired on Tuesday.' }).expect(201);

      await lookUpStatus(page, 'en', receipt);
      shown = await main(page).innerText();
      await expect(page.locator('#status-words').innerText()).resolves.toBe(t.status.words.answered);
      expect(shown).toContain('The pipe at number 12 was repaired on Tuesday.');
      expect(shown).toContain(t.status.messageKinds.answer);
      await screenshot(page, 'portal-status-answered-en', { fullPage: true });

      const ratingForm = page.locator('form[action$="/status/rating"]');
      await ratingForm.locator('input[name="score"][value="5"]').check();
      const rated = await submit(ratingForm);
      expect(rated.status()).toBeLessThan(300);
      expect(await main(page).innerText()).toContain(t.status.rating.done);
      expect((await stack.db.query('SELECT rating, status FROM applications WHERE id = $1', [id])).rows[0]).toEqual({ rating: 5, status: 'answered' });

      const appealForm = page.locator('form[action$="/status/appeal"]');
      await appealForm.locator('textarea[name="text"]').fill('Number 14 still has no water.');
      const appealed = await submit(appealForm);
      expect(appealed.status()).toBeLessThan(300);
      expect(await main(page).innerText()).toContain(t.status.appeal.done);
      await expect(page.locator('#status-words').innerText()).resolves.toBe(t.status.words.reopened);
      expect((await stack.db.query('SELECT status FROM applications WHERE id = $1', [id])).rows[0]).toEqual({ status: 'reopened' });
    });
  });

  it('lets a keyboard user skip the header straight to the content', async () => {
    const t = textsFor('en');
    await browser.withPage({ javaScript: true, locale: 'en-GB' }, async (page) => {
      await page.goto(url('/en/apply'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(t.skipToContent);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      // The next stop after the skip link is the form's first control, not the header's links.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('type');
    });
  });

  it('gives every control a tap target at least 44 px high on a phone', async () => {
    await browser.withPage({ javaScript: true, locale: 'en-GB' }, async (page) => {
      for (const path of ['/en/', '/en/apply', '/en/status']) {
        await page.goto(url(path));
        const controls = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('header a, .big-links a, button, input:not([type=hidden]), select, textarea')].map((el) => {
            // A radio button or checkbox is tapped together with its label, on the row that holds both.
            const target = el.matches('input[type=radio], input[type=checkbox]') ? (el.parentElement as HTMLElement) : el;
            return { what: el.outerHTML.slice(0, 80), height: target.getBoundingClientRect().height };
          }),
        );
        expect(controls.length).toBeGreaterThan(2);
        expect({ path, small: controls.filter((c) => c.height < 44) }).toEqual({ path, small: [] });
      }
    });
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it('has no WCAG 2.1 AA violations on any portal page, and no console errors', async () => {
      const t: PortalTexts = textsFor(language);
      await browser.withPage({ javaScript: true, locale: language }, async (page) => {
        const errors = collectPageErrors(page);
        const check = async (what: string, shot?: string) => {
          await expectNoAccessibilityViolations(page, `${what} (${language})`);
          if (shot) await screenshot(page, `portal-${shot}-${language}`);
        };
        expect((await page.goto(url(`/${language}/`)))?.status()).toBe(200);
        await check('home', 'home');

        await page.goto(url(`/${language}/apply`));
        await check('application form', language === 'en' ? 'apply' : undefined);

        await fillApplication(page, { type: 'suggestion', subject: 'x', consent: false });
        await field(page, 'subject').fill('');
        expect((await submit(applyForm(page))).status()).toBe(400);
        expect(await main(page).innerText()).toContain(t.apply.errorSummary);
        await check('application form with errors', language === 'en' ? 'apply-errors' : undefined);

        const receipt = await applyThroughForm(page, language);
        await check('receipt', language === 'tr' ? 'receipt' : undefined);

        await page.goto(url(`/${language}/status`));
        await check('status form', language === 'pt' ? 'status-form' : undefined);

        expect((await lookUpStatus(page, language, receipt)).status()).toBe(200);
        await check('status page', language === 'tr' ? 'status' : undefined);

        expect((await lookUpStatus(page, language, { ...receipt, trackingNumber: '0000-0000-000' })).status()).toBe(404);
        await check('no such application');

        await page.goto(url(`/${language}/privacy`));
        expect(await main(page).innerText()).toContain(t.privacy.sections[0].heading);
        await check('privacy notice', language === 'en' ? 'privacy' : undefined);

        expect(errors).toEqual([]);
      });
    });
  });
});
