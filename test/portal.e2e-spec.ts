import request from 'supertest';
import { countApplications, digits, routedAgencyCode } from './support/applications';
import { act, versionOf } from './support/casework';
import { claimAndAnswer } from './support/casework-disposition';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { submissionKeyIn, textOf } from './support/pages';
import { identityOf } from './support/identities';

const LANGUAGES = [
  { lang: 'tr', dir: 'ltr' },
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
];

/** A well-formed tracking number (valid Damm check digit) that is never issued. */
const UNKNOWN_NUMBER = '0000-0000-000';

/** Every URL a page points to or sends a form to. */
function urlsIn(page: string): string[] {
  return [...page.matchAll(/(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]);
}

describe('citizen portal pages (no JavaScript needed)', () => {
  let stack: TestStack;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack({
      env: { STATUS_LOOKUP_LIMIT_PER_MINUTE: '1000', STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: '1000', STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: '1000' },
    });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(() => stack?.stop());

  const post = (path: string, fields: Record<string, string>) => request(stack.apiUrl).post(path).type('form').send(fields);

  const applyForm = async (lang: string) => (await request(stack.apiUrl).get(`/${lang}/apply`).expect(200)).text;

  const validForm = (key: string, overrides: Record<string, string> = {}) => ({
    type: 'complaint',
    topic: 'water',
    subject: 'No water in our street',
    body: 'Since Monday there has been no running water on Moda Caddesi.',
    provinceCode: 'TR-34',
    districtCode: 'TR-34-KDK',
    name: 'Ayşe Yılmaz',
    phone: '0532 123 45 67',
    email: 'ayse@example.org',
    preferredLanguage: 'en',
    consent: 'yes',
    submissionKey: key,
    ...overrides,
  });

  /** Submits through the portal and waits until the router placed the application and its answer clock runs. */
  async function submitThroughPortal(): Promise<{ id: string; trackingNumber: string; accessCode: string }> {
    const res = await post('/en/apply', validForm(submissionKeyIn(await applyForm('en')))).expect(201);
    const trackingNumber = textOf(res.text, 'tracking-number')!;
    const accessCode = textOf(res.text, 'access-code')!;
    await routedAgencyCode(stack.db, trackingNumber);
    const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(trackingNumber)]);
    const id: string = rows[0].id;
    await waitFor(
      async () => (await stack.db.query(`SELECT 1 FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [id])).rowCount === 1,
      10000,
      `the answer clock of ${trackingNumber}`,
    );
    return { id, trackingNumber, accessCode };
  }

  const statusPageOf = (lang: string, app: { trackingNumber: string; accessCode: string }) =>
    post(`/${lang}/status`, { trackingNumber: app.trackingNumber, accessCode: app.accessCode });

  describe('languages', () => {
    it.each([
      ['ar,en;q=0.8', '/ar/'],
      ['en-GB,en;q=0.9', '/en/'],
      ['tr-TR', '/tr/'],
      ['de-DE,fr;q=0.5', '/tr/'],
    ])('redirects / with Accept-Language %s to %s', async (acceptLanguage, location) => {
      const res = await request(stack.apiUrl).get('/').set('Accept-Language', acceptLanguage).expect(302);
      expect(res.headers.location).toBe(location);
    });

    it('redirects / to Turkish when the browser names no language', async () => {
      const res = await request(stack.apiUrl).get('/').expect(302);
      expect(res.headers.location).toBe('/tr/');
    });

    it.each(LANGUAGES.flatMap(({ lang, dir }) => ['', 'apply', 'status', 'privacy'].map((page) => ({ lang, dir, page }))))(
      'renders /$lang/$page as an HTML page in $lang, $dir, with links to the same page in the other languages',
      async ({ lang, dir, page }) => {
        const res = await request(stack.apiUrl).get(`/${lang}/${page}`).expect(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain(`<html lang="${lang}" dir="${dir}">`);
        for (const other of LANGUAGES.filter((l) => l.lang !== lang)) expect(res.text).toContain(`href="/${other.lang}/${page}" hreflang="${other.lang}"`);
        expect(res.text).toContain('<a class="skip" href="#main">');
        expect(res.text).not.toContain('<script');
      },
    );

    it('shows the home page with its two ways in', async () => {
      const res = await request(stack.apiUrl).get('/en/').expect(200);
      expect(res.text).toContain('<a href="/en/apply">Submit an application</a>');
      expect(res.text).toContain('<a href="/en/status">Follow an application</a>');
    });

    it('labels every apply field and groups the kinds of application under a legend', async () => {
      const page = await applyForm('tr');
      for (const id of [
        'topic',
        'subject',
        'body',
        'provinceCode',
        'districtCode',
        'address',
        'name',
        'phone',
        'email',
        'confidential',
        'consent',
        'type-complaint',
      ]) {
        expect(page).toContain(`<label for="${id}">`);
        expect(page).toContain(`id="${id}"`);
      }
      expect(page).toMatch(/<fieldset[^>]*>\s*<legend>Başvurunuzun türü nedir\?<\/legend>/);
      expect(page).toContain('<option value="water">Su ve kanalizasyon</option>');
      expect(page).toContain('<optgroup label="İstanbul">');
      expect(page).toContain('<input type="hidden" name="preferredLanguage" value="tr">');
    });

    it('answers an unknown page in the path’s language with 404', async () => {
      const res = await request(stack.apiUrl).get('/ar/nowhere').expect(404);
      expect(res.text).toContain('<html lang="ar" dir="rtl">');
      expect(res.text).toContain('الصفحة غير موجودة');
    });
  });

  describe('security and weight', () => {
    it('sends the security headers and no-store on pages', async () => {
      const res = await request(stack.apiUrl).get('/en/apply').expect(200);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('keeps the apply page with its stylesheet under 100 KB, the stylesheet cached for a long time', async () => {
      const page = await request(stack.apiUrl).get('/en/apply').expect(200);
      const cssPath = /<link rel="stylesheet" href="([^"]+)">/.exec(page.text)![1];
      const css = await request(stack.apiUrl).get(cssPath).expect(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toContain('max-age=31536000');
      const total = Buffer.byteLength(page.text) + Buffer.byteLength(css.text);
      expect(total).toBeGreaterThan(1000);
      expect(total).toBeLessThan(100 * 1024);
    });

    it('answers a form body over the size limit with a page in its language, storing nothing', async () => {
      const before = await countApplications(stack.db);
      const res = await post('/ar/apply', validForm('too-large-1', { body: 'x'.repeat(70 * 1024) })).expect(413);
      expect(res.text).toContain('<html lang="ar" dir="rtl">');
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('still refuses a form body on the JSON API with 415', async () => {
      const res = await request(stack.apiUrl).post('/api/v1/applications').type('form').send({ type: 'complaint', body: 'x' }).expect(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('submitting', () => {
    it('creates exactly one routed application, shows its numbers once, and a resubmission shows the same numbers', async () => {
      const key = submissionKeyIn(await applyForm('en'));
      const before = await countApplications(stack.db);
      const res = await post('/en/apply', validForm(key, { confidential: 'yes' })).expect(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const trackingNumber = textOf(res.text, 'tracking-number')!;
      const accessCode = textOf(res.text, 'access-code')!;
      expect(trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
      expect(accessCode).toMatch(/^\S{6,}$/);
      expect(res.text).toContain('href="/en/status"');

      expect(await routedAgencyCode(stack.db, trackingNumber)).toBe('ISKI-KDK');
      const { rows } = await stack.db.query(
        'SELECT channel, language, confidential, province_code, district_code FROM applications WHERE idempotency_key = $1',
        [key],
      );
      expect(rows).toEqual([
        {
          channel: 'web',
          language: 'en',
          confidential: true,
          province_code: 'TR-34',
          district_code: 'TR-34-KDK',
        },
      ]);
      expect(await identityOf(stack.db, digits(trackingNumber))).toMatchObject({ email: 'ayse@example.org', phone: '+905321234567' });

      const again = await post('/en/apply', validForm(key, { confidential: 'yes' })).expect(201);
      expect(textOf(again.text, 'tracking-number')).toBe(trackingNumber);
      expect(textOf(again.text, 'access-code')).toBe(accessCode);
      expect(await countApplications(stack.db)).toBe(before + 1);
    });

    it('takes a place in the citizen’s words into the text the agency reads, and refuses one too long at its field', async () => {
      const key = submissionKeyIn(await applyForm('tr'));
      const place = 'Moda Caddesi 12, iskelenin önü';
      const res = await post('/tr/apply', validForm(key, { address: place, preferredLanguage: 'tr' })).expect(201);
      await routedAgencyCode(stack.db, textOf(res.text, 'tracking-number')!);
      const { rows } = await stack.db.query('SELECT body FROM applications WHERE idempotency_key = $1', [key]);
      expect(rows[0].body).toMatch(new RegExp(`\\n\\nBelirtilen yer: ${place}$`));

      const before = await countApplications(stack.db);
      const long = await post('/en/apply', validForm(submissionKeyIn(await applyForm('en')), { address: 'x'.repeat(201) })).expect(400);
      expect(long.text).toContain('<p class="error" id="address-error">The place is too long: at most 200 characters.</p>');
      expect(long.text).toContain(`value="${'x'.repeat(201)}"`);
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('hands out a fresh submission key with each form', async () => {
      expect(submissionKeyIn(await applyForm('en'))).not.toBe(submissionKeyIn(await applyForm('en')));
    });

    it('re-renders bad fields with 400, a message next to each in the page language, the values kept, nothing written', async () => {
      const key = submissionKeyIn(await applyForm('ar'));
      const before = await countApplications(stack.db);
      const res = await post(
        '/ar/apply',
        validForm(key, { type: '', body: '   ', email: 'not-an-email', phone: '12', consent: '', subject: 'Moda <Caddesi>', preferredLanguage: 'ar' }),
      ).expect(400);
      expect(res.text).toContain('<html lang="ar" dir="rtl">');
      const expected = {
        type: 'اختر نوع الطلب.',
        body: 'صف الأمر؛ هذا الحقل فارغ.',
        email: 'أدخل بريدًا إلكترونيًا مثل name@example.org.',
        consent: 'يرجى الموافقة على إشعار الخصوصية لإرسال طلبك.',
      };
      for (const [field, message] of Object.entries(expected)) {
        expect(res.text).toContain(`<p class="error" id="${field}-error">${message}</p>`);
      }
      expect(res.text).toMatch(/<input type="email" id="email" name="email" value="not-an-email"[^>]* aria-describedby="email-error" aria-invalid="true">/);
      expect(res.text).toContain('<a href="#type-petition">اختر نوع الطلب.</a>');
      expect(res.text).toContain('<a href="#email">');
      // Values come back as typed, escaped.
      expect(res.text).toContain('value="Moda &lt;Caddesi&gt;"');
      expect(res.text).toContain('value="Ayşe Yılmaz"');
      expect(res.text).toContain('<option value="TR-34-KDK" selected>');
      expect(res.text).toContain(`name="submissionKey" value="${key}"`);
      expect(await countApplications(stack.db)).toBe(before);
    });

    it('translates the intake’s own checks (a phone that is no number, a district outside the province) to the page language', async () => {
      const before = await countApplications(stack.db);
      const res = await post(
        '/tr/apply',
        validForm(submissionKeyIn(await applyForm('tr')), { phone: '12', provinceCode: 'TR-06', preferredLanguage: 'tr' }),
      ).expect(400);
      expect(res.text).toContain('<p class="error" id="phone-error">0532 123 45 67 gibi bir telefon numarası girin.</p>');
      expect(res.text).toContain('<p class="error" id="districtCode-error">Bu ilçe seçilen ilde değil.</p>');
      expect(await countApplications(stack.db)).toBe(before);
    });
  });

  describe('following', () => {
    it('shows status, agency, deadline and history after a POST, without the access code in any URL', async () => {
      const app = await submitThroughPortal();
      const res = await statusPageOf('en', app).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(textOf(res.text, 'status-words')).toBe('sent to the agency in charge');
      expect(res.text).toMatch(/<dt>Answer due by<\/dt><dd id="deadline"><time datetime="[^"]+">[^<]+<\/time><\/dd>/);
      expect(res.text).toMatch(/<li><time datetime="[^"]+">[^<]+<\/time>: Application received<\/li>/);
      expect(res.text).toContain(': Sent to the agency in charge</li>');
      expect(res.text).toMatch(/: Deadline set — answer \(<time datetime="[^"]+">[^<]+<\/time>\)<\/li>/);
      expect(res.text).toContain('<dd>ISKI Kadikoy Branch</dd>');
      for (const url of urlsIn(res.text)) expect(url).not.toContain(app.accessCode);
      for (const url of urlsIn(res.text)) expect(url).not.toContain(digits(app.trackingNumber));
    });

    it('gives a wrong code and an unknown number the same not-found page', async () => {
      const app = await submitThroughPortal();
      const wrongCode = await statusPageOf('en', { trackingNumber: app.trackingNumber, accessCode: '00000000' }).expect(404);
      const unknown = await statusPageOf('en', { trackingNumber: UNKNOWN_NUMBER, accessCode: app.accessCode }).expect(404);
      expect(wrongCode.text).toContain('There is no application with this number and access code.');
      expect(wrongCode.text.replace(app.trackingNumber, 'N')).toBe(unknown.text.replace(UNKNOWN_NUMBER, 'N'));
      expect(wrongCode.text).not.toContain('00000000');
    });

    it('answers a form body it cannot read with a 400 page in the page language, not a server error', async () => {
      const res = await request(stack.apiUrl).post('/tr/apply').set('content-type', 'multipart/form-data').send('not a multipart body').expect(400);
      expect(res.text).toContain('<html lang="tr" dir="ltr">');
      expect(res.text).toContain('Gönderilen bilgiler okunamadı.');
    });

    it('says a mistyped tracking number is mistyped, in the page language', async () => {
      const res = await statusPageOf('tr', { trackingNumber: '12', accessCode: 'whatever' }).expect(400);
      expect(res.text).toContain('<p class="error" id="trackingNumber-error">Takip numarası 11 rakamdır, örneğin 4827-3915-602.</p>');
    });

    it('lets the citizen answer the agency’s question, which resumes the case', async () => {
      const app = await submitThroughPortal();
      await act(stack, officer, app.id, 'claim', { version: await versionOf(stack, app.id) }).expect(200);
      await act(stack, officer, app.id, 'information-requests', { version: await versionOf(stack, app.id), question: 'Which building number?' }).expect(201);

      const waiting = await statusPageOf('en', app).expect(200);
      expect(textOf(waiting.text, 'status-words')).toBe('waiting for information from you');
      expect(waiting.text).toContain('<p>Which building number?</p>');
      expect(waiting.text).toContain('action="/en/status/reply"');

      const empty = await post('/en/status/reply', { ...app, text: '  ' }).expect(400);
      expect(empty.text).toContain('<p class="error" id="reply-text-error">Please write your message; this field is empty.</p>');

      // A double click or a browser retry posts the same form twice: the reply is attached once.
      const submissionKey = submissionKeyIn(waiting.text);
      const replied = await post('/en/status/reply', { ...app, submissionKey, text: 'It is number 12.' }).expect(200);
      await post('/en/status/reply', { ...app, submissionKey, text: 'It is number 12.' }).expect(200);
      const replies = await stack.db.query(`SELECT count(*)::int AS n FROM application_messages WHERE application_id = $1 AND direction = 'from_citizen'`, [
        app.id,
      ]);
      expect(replies.rows[0].n).toBe(1);
      expect(replied.text).toContain('Your reply was sent to the agency.');
      expect(textOf(replied.text, 'status-words')).toBe('being handled');
      expect(replied.text).toContain('<p>It is number 12.</p>');
      const { rows } = await stack.db.query('SELECT status FROM applications WHERE id = $1', [app.id]);
      expect(rows[0].status).toBe('in_progress');
      for (const url of urlsIn(replied.text)) expect(url).not.toContain(app.accessCode);
    });

    it('lets the citizen rate an answer once, and appeal it', async () => {
      const app = await submitThroughPortal();
      await claimAndAnswer(stack, officer, app.id, 'The pipe was repaired.');

      const answered = await statusPageOf('tr', app).expect(200);
      expect(textOf(answered.text, 'status-words')).toBe('yanıtlandı');
      expect(answered.text).toContain('action="/tr/status/rating"');
      expect(answered.text).toContain('action="/tr/status/appeal"');
      expect(answered.text).not.toContain('action="/tr/status/reply"');

      const noScore = await post('/tr/status/rating', { ...app, comment: 'ok' }).expect(400);
      expect(noScore.text).toContain('<p class="error" id="rating-score-error">Lütfen 1 ile 5 arasında bir puan seçin.</p>');

      const rated = await post('/tr/status/rating', { ...app, score: '5', comment: 'Hızlı ve açık.' }).expect(200);
      expect(rated.text).toContain('Teşekkürler, puanınız kaydedildi.');
      const again = await post('/tr/status/rating', { ...app, score: '4' }).expect(409);
      expect(again.text).toContain('Bu başvuru zaten puanlandı.');
      const rating = await stack.db.query('SELECT rating, rating_comment FROM applications WHERE id = $1', [app.id]);
      expect(rating.rows[0]).toEqual({ rating: 5, rating_comment: 'Hızlı ve açık.' });

      const appealed = await post('/tr/status/appeal', { ...app, text: 'Su hâlâ akmıyor.' }).expect(200);
      expect(appealed.text).toContain('İtirazınız alındı');
      expect(textOf(appealed.text, 'status-words')).toBe('yeniden açıldı');
      const { rows } = await stack.db.query('SELECT status FROM applications WHERE id = $1', [app.id]);
      expect(rows[0].status).toBe('reopened');
    });

    it('refuses a rating before the answer with a message on the status page', async () => {
      const app = await submitThroughPortal();
      const res = await post('/en/status/rating', { ...app, score: '3' }).expect(409);
      expect(res.text).toContain('An application can be rated once it has been answered.');
      expect(textOf(res.text, 'status-words')).toBe('sent to the agency in charge');
    });
  });
});
