import request from 'supertest';
import { routedAgencyCode, validApplication } from './support/applications';
import { withoutClockLines } from './support/deadlines';
import { TestStack, startStack } from './support/stack';

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

describe('public status lookup', () => {
  let stack: TestStack;
  let receipt: { trackingNumber: string; accessCode: string };

  beforeAll(async () => {
    stack = await startStack({ env: { STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR: '5', STATUS_LOOKUP_LIMIT_PER_MINUTE: '40' } });
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ citizen: { name: 'Ayşe Yılmaz', phone: '05321234567', email: 'ayse@example.org' } }))
      .expect(201);
    receipt = res.body;
    await routedAgencyCode(stack.db, receipt.trackingNumber);
  });
  afterAll(() => stack?.stop());

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
    const unknown = await request(stack.apiUrl)
      .get(`/api/v1/applications/${unknownNumber()}/status`)
      .set('X-Access-Code', receipt.accessCode)
      .expect(404);
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

  it('stops code guessing on one number after a few failures, even with the right code', async () => {
    const other = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    const url = `/api/v1/applications/${other.body.trackingNumber}/status`;
    for (let i = 0; i < 5; i++) await request(stack.apiUrl).get(url).set('X-Access-Code', String(10000000 + i)).expect(404);
    const blocked = await request(stack.apiUrl).get(url).set('X-Access-Code', other.body.accessCode).expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
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
