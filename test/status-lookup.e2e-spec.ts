import Redis from 'ioredis';
import request from 'supertest';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { withoutClockLines } from './support/deadlines';
import { FakeTwilio } from './support/fake-twilio';
import { TWILIO_FROM_NUMBER, newPhone, twilioEnv } from './support/sms-outbound';
import { TestStack, startStack } from './support/stack';
import { TWILIO_AUTH_TOKEN, messageText, twilioPost, twilioSid } from './support/twilio-webhooks';

const LIMIT_PER_CLIENT = 5;
const CEILING_PER_NUMBER = 12;

/** Changes the last digit and recomputes nothing: a number with a wrong check digit. */
function withWrongCheckDigit(trackingNumber: string): string {
  const last = Number(trackingNumber.slice(-1));
  return trackingNumber.slice(0, -1) + String((last + 1) % 10);
}

/** A well-formed tracking number (valid check digit) that was never issued. */
function unknownNumber(): string {
  // 0000000000 has Damm check digit 0; such a number is never drawn in practice.
  return '0000-0000-000';
}

/** A client address of its own, as the one trusted proxy in front of the api reports it. */
let lastClient = 0;
const newClient = () => `198.51.100.${++lastClient}`;

describe('public status lookup', () => {
  let stack: TestStack;
  let fake: FakeTwilio;
  let receipt: { trackingNumber: string; accessCode: string };

  beforeAll(async () => {
    fake = await FakeTwilio.start();
    stack = await startStack({
      env: {
        ...twilioEnv(fake),
        // Webhooks in this suite are signed with the token of twilio-webhooks.ts.
        TWILIO_AUTH_TOKEN,
        // One trusted proxy hop: X-Forwarded-For gives each test client an address of its own.
        TRUST_PROXY: '1',
        STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: String(LIMIT_PER_CLIENT),
        STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY: String(CEILING_PER_NUMBER),
        STATUS_LOOKUP_LIMIT_PER_MINUTE: '40',
      },
    });
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ citizen: { name: 'Ayşe Yılmaz', phone: '05321234567', email: 'ayse@example.org' } }))
      .expect(201);
    receipt = res.body;
    await routedAgencyCode(stack.db, receipt.trackingNumber);
  });
  afterAll(async () => {
    await stack?.stop();
    await fake?.stop();
  });

  const statusOf = (trackingNumber: string, accessCode: string, client: string) =>
    request(stack.apiUrl).get(`/api/v1/applications/${trackingNumber}/status`).set('X-Access-Code', accessCode).set('X-Forwarded-For', client);
  const wrongCode = (accessCode: string, i: number) => String((Number(accessCode) + 1 + i) % 100_000_000).padStart(8, '0');
  const failFrom = async (client: string, trackingNumber: string, accessCode: string, times: number) => {
    for (let i = 0; i < times; i++) await statusOf(trackingNumber, wrongCode(accessCode, i), client).expect(404);
  };

  it('shows the status and public history with the right code, and no personal data', async () => {
    const res = await request(stack.apiUrl)
      .get(`/api/v1/applications/${receipt.trackingNumber}/status`)
      .set('X-Access-Code', receipt.accessCode)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(res.body).toMatchObject({
      trackingNumber: receipt.trackingNumber,
      type: 'complaint',
      topic: 'Water and sewerage',
      status: 'routed',
      agency: 'ISKI Kadikoy Branch',
    });
    expect(withoutClockLines(res.body.history.map((h: { event: string }) => h.event))).toEqual(['received', 'routed']);
    const text = JSON.stringify(res.body);
    for (const secret of ['Ayşe', 'Yılmaz', '5321234567', 'ayse@example.org', 'Moda Caddesi', 'No water in our street']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers in the language asked for', async () => {
    const res = await request(stack.apiUrl)
      .get(`/api/v1/applications/${receipt.trackingNumber.replace(/-/g, '')}/status?lang=tr`)
      .set('X-Access-Code', receipt.accessCode)
      .expect(200);
    expect(res.body.topic).toBe('Su ve kanalizasyon');
    expect(res.body.agency).toBe('İSKİ Kadıköy Şube Müdürlüğü');
  });

  it('answers a wrong code and an unknown number identically', async () => {
    const wrongCode = await request(stack.apiUrl)
      .get(`/api/v1/applications/${receipt.trackingNumber}/status`)
      .set('X-Access-Code', receipt.accessCode === '00000000' ? '11111111' : '00000000')
      .expect(404);
    const unknown = await request(stack.apiUrl).get(`/api/v1/applications/${unknownNumber()}/status`).set('X-Access-Code', receipt.accessCode).expect(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrongCode.body)).toEqual(strip(unknown.body));
    expect(wrongCode.body.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('rejects a mistyped check digit before any lookup', async () => {
    const res = await request(stack.apiUrl)
      .get(`/api/v1/applications/${withWrongCheckDigit(receipt.trackingNumber)}/status`)
      .set('X-Access-Code', receipt.accessCode)
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'trackingNumber', code: 'check_digit' })]);
  });

  it('requires the access code', async () => {
    const res = await request(stack.apiUrl).get(`/api/v1/applications/${receipt.trackingNumber}/status`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'accessCode', code: 'required' })]);
  });

  it('stops one client guessing codes on a number after a few failures, even with the right code', async () => {
    const other = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    const url = `/api/v1/applications/${other.body.trackingNumber}/status`;
    for (let i = 0; i < LIMIT_PER_CLIENT; i++) await request(stack.apiUrl).get(url).set('X-Access-Code', wrongCode(other.body.accessCode, i)).expect(404);
    const blocked = await request(stack.apiUrl).get(url).set('X-Access-Code', other.body.accessCode).expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('still shows the status to the citizen with the right code while a stranger is locked out of their number', async () => {
    const citizen = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    const { trackingNumber, accessCode } = citizen.body;
    const stranger = newClient();
    await failFrom(stranger, trackingNumber, accessCode, LIMIT_PER_CLIENT);
    await statusOf(trackingNumber, accessCode, stranger).expect(429);

    const own = await statusOf(trackingNumber, accessCode, newClient()).expect(200);
    expect(own.body.trackingNumber).toBe(trackingNumber);
    // A success neither counts nor clears anything: the stranger stays locked.
    await statusOf(trackingNumber, accessCode, stranger).expect(429);

    // Counters are kept under a keyed hash of the address, never the address itself.
    const redis = new Redis(stack.env.REDIS_URL);
    try {
      const keys = await redis.keys(`${stack.env.QUEUE_PREFIX}:limits:*`);
      expect(keys.filter((key) => key.includes(digits(trackingNumber)))).toHaveLength(2);
      for (const key of keys) expect(key).not.toMatch(/198\.51\.100|127\.0\.0\.1/);
    } finally {
      redis.disconnect();
    }
  });

  it('locks every client out of a number once failures from many clients reach the daily ceiling, and SMS status still answers', async () => {
    const phone = newPhone();
    const citizen = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ citizen: { name: 'Ayşe Yılmaz', phone: phone.typed } }))
      .expect(201);
    const { trackingNumber, accessCode } = citizen.body;
    // Each guesser stays under the per-client limit; together they reach the ceiling.
    for (let failed = 0; failed < CEILING_PER_NUMBER; failed += LIMIT_PER_CLIENT - 1) {
      await failFrom(newClient(), trackingNumber, accessCode, Math.min(LIMIT_PER_CLIENT - 1, CEILING_PER_NUMBER - failed));
    }

    const locked = await statusOf(trackingNumber, accessCode, newClient()).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3600);
    // Replies and ratings are proved the same way, so they are locked too.
    await request(stack.apiUrl)
      .post(`/api/v1/applications/${trackingNumber}/replies`)
      .set('X-Forwarded-For', newClient())
      .send({ accessCode, text: 'Any news?' })
      .expect(429);

    // The portal says so in the page's language, and points to the SMS status.
    const page = await request(stack.apiUrl)
      .post('/en/status')
      .type('form')
      .set('X-Forwarded-For', newClient())
      .send({ trackingNumber, accessCode })
      .expect(429);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(3600);
    expect(page.text).toContain('Too many attempts');
    expect(page.text).toContain(`text STATUS and your tracking number to <bdi dir="ltr">${TWILIO_FROM_NUMBER}</bdi>`);
    const turkish = await request(stack.apiUrl)
      .post('/tr/status')
      .type('form')
      .set('X-Forwarded-For', newClient())
      .send({ trackingNumber, accessCode })
      .expect(429);
    expect(turkish.text).toContain('Çok fazla deneme');
    expect(turkish.text).toContain(`DURUM yazıp takip numaranızı <bdi dir="ltr">${TWILIO_FROM_NUMBER}</bdi> numarasına gönderin`);

    // The phone the citizen gave proves them: the web counters do not apply.
    const sms = await twilioPost(stack.apiUrl, '/webhooks/twilio/sms', {
      MessageSid: twilioSid('SM'),
      From: phone.e164,
      To: TWILIO_FROM_NUMBER,
      Body: `DURUM ${trackingNumber}`,
      NumSegments: '1',
    }).expect(200);
    expect(messageText(sms.text)).toMatch(new RegExp(`^${trackingNumber}: `));
  });

  it('refuses the access code in the query string, even next to the right header, and names the header', async () => {
    const url = `/api/v1/applications/${receipt.trackingNumber}/status`;
    for (const query of [`accessCode=${receipt.accessCode}`, `accesscode=${receipt.accessCode}`, `access_code=${receipt.accessCode}&lang=en`]) {
      const res = await request(stack.apiUrl).get(`${url}?${query}`).set('X-Access-Code', receipt.accessCode).set('X-Forwarded-For', newClient()).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'accessCode', code: 'not_in_url', message: expect.stringContaining('X-Access-Code header') }]);
    }
    const alone = await request(stack.apiUrl).get(`${url}?accessCode=${receipt.accessCode}`).set('X-Forwarded-For', newClient()).expect(400);
    expect(alone.body.errors).toEqual([expect.objectContaining({ field: 'accessCode', code: 'not_in_url' })]);
  });

  it('refuses the access code in the query string of replies, ratings and appeals, doing nothing', async () => {
    const base = `/api/v1/applications/${receipt.trackingNumber}`;
    const before = await stack.db.query('SELECT count(*)::int AS n FROM application_messages');
    for (const [path, body] of [
      ['replies', { accessCode: receipt.accessCode, text: 'One more thing.' }],
      ['rating', { accessCode: receipt.accessCode, score: 5 }],
      ['appeal', { accessCode: receipt.accessCode, text: 'Please look again.' }],
    ] as const) {
      const res = await request(stack.apiUrl)
        .post(`${base}/${path}?accessCode=${receipt.accessCode}`)
        .set('X-Forwarded-For', newClient())
        .send(body)
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'accessCode', code: 'not_in_url', message: expect.stringContaining('request body') }]);
    }
    const after = await stack.db.query('SELECT count(*)::int AS n FROM application_messages');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('limits lookups per client address', async () => {
    let limited = 0;
    for (let i = 0; i < 45 && limited === 0; i++) {
      const res = await request(stack.apiUrl).get(`/api/v1/applications/${receipt.trackingNumber}/status`).set('X-Access-Code', receipt.accessCode);
      if (res.status === 429) limited++;
      else expect(res.status).toBe(200);
    }
    expect(limited).toBe(1);
  });
});
