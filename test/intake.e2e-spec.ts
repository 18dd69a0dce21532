import request from 'supertest';
import { countApplications, digits, routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { identityOf, phoneHashOf } from './support/identities';

describe('web intake', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('accepts a valid application, answers with a tracking number and access code, and routes it within seconds', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    expect(res.body.trackingNumber).toMatch(/^\d{4}-\d{4}-\d{3}$/);
    expect(res.body.accessCode).toMatch(/^\d{8}$/);
    expect(res.body.status).toBe('received');
    expect(await routedAgencyCode(stack.db, res.body.trackingNumber)).toBe('ISKI-KDK');

    const { rows } = await stack.db.query(
      'SELECT citizen_phone_hash, province_code, channel, ci.sealed FROM applications a JOIN citizen_identities ci ON ci.application_id = a.id WHERE tracking_number = $1',
      [digits(res.body.trackingNumber)],
    );
    expect(rows[0]).toMatchObject({ citizen_phone_hash: phoneHashOf('+905321234567'), province_code: 'TR-34', channel: 'web' });
    // Sealed, not stored in clear: the number is nowhere in the box, and the vault opens it to what was given.
    expect(rows[0].sealed.toString('latin1')).not.toContain('5321234567');
    expect(await identityOf(stack.db, digits(res.body.trackingNumber))).toEqual({ name: 'Ayşe Yılmaz', phone: '+905321234567', email: null });
  });

  it('records the whole history as append-only events', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    await routedAgencyCode(stack.db, res.body.trackingNumber);
    const { rows } = await stack.db.query(
      `SELECT e.kind, e.from_status, e.to_status, e.actor_type FROM application_events e
       JOIN applications a ON a.id = e.application_id WHERE a.tracking_number = $1 AND e.kind IN ('received', 'routed') ORDER BY e.id`,
      [digits(res.body.trackingNumber)],
    );
    // Its deadlines may already follow (their own lines, written moments after routing).
    expect(rows).toEqual([
      { kind: 'received', from_status: null, to_status: 'received', actor_type: 'citizen' },
      { kind: 'routed', from_status: 'received', to_status: 'routed', actor_type: 'system' },
    ]);
    await expect(stack.db.query('UPDATE application_events SET kind = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(stack.db.query('DELETE FROM application_events')).rejects.toThrow(/append-only/);
  });

  it('serves the OpenAPI description at /docs', async () => {
    const res = await request(stack.apiUrl).get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/applications', '/api/v1/applications/{trackingNumber}/status']));
    await request(stack.apiUrl).get('/docs').expect(200).expect('content-type', /html/);
  });

  describe('refuses bad input with a message per field and stores nothing', () => {
    const cases: [string, unknown, string, string][] = [
      ['an unknown topic', validApplication({ topic: 'weather' }), 'topic', 'unknown'],
      ['a bad phone number', validApplication({ citizen: { phone: '12345' } }), 'citizen.phone', 'invalid'],
      ['an empty body', validApplication({ body: '   ' }), 'body', 'isNotEmpty'],
      ['a body that is too long', validApplication({ body: 'x'.repeat(10_001) }), 'body', 'maxLength'],
      ['a subject that is too long', validApplication({ subject: 's'.repeat(201) }), 'subject', 'maxLength'],
      ['a body of the wrong type', validApplication({ body: 42 }), 'body', 'isString'],
      ['a confidential flag of the wrong type', validApplication({ confidential: 'yes' }), 'confidential', 'isBoolean'],
      ['an unknown field', validApplication({ priority: 'urgent' }), 'priority', 'unknown_field'],
      ['an unknown nested field', validApplication({ citizen: { nationalId: '12345678901' } }), 'citizen.nationalId', 'unknown_field'],
      ['an unknown type', validApplication({ type: 'wish' }), 'type', 'isIn'],
      ['a missing body', { type: 'complaint' }, 'body', 'isDefined'],
      ['an unknown district', validApplication({ location: { districtCode: 'TR-34-XXX' } }), 'location.districtCode', 'unknown'],
      [
        'a district outside the province',
        validApplication({ location: { provinceCode: 'TR-06', districtCode: 'TR-34-KDK' } }),
        'location.districtCode',
        'mismatch',
      ],
      ['a latitude out of range', validApplication({ location: { latitude: 123, longitude: 29 } }), 'location.latitude', 'isLatitude'],
      ['an invalid email', validApplication({ citizen: { email: 'not-an-email' } }), 'citizen.email', 'isEmail'],
      ['an unsupported language', validApplication({ language: 'xx' }), 'language', 'unsupported'],
    ];
    it.each(cases)('%s', async (_name, body, field, code) => {
      const before = await countApplications(stack.db);
      const res = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(body as object)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      expect(await countApplications(stack.db)).toBe(before);
    });
  });

  it('answers 413 to an oversized body and stores nothing', async () => {
    const before = await countApplications(stack.db);
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .set('content-type', 'application/json')
      .send(JSON.stringify(validApplication({ body: 'x'.repeat(70_000) })))
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countApplications(stack.db)).toBe(before);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'])(
    'answers 415 to a %s body and stores nothing',
    async (contentType) => {
      const before = await countApplications(stack.db);
      const res = await request(stack.apiUrl).post('/api/v1/applications').set('content-type', contentType).send('type=complaint&body=x').expect(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await countApplications(stack.db)).toBe(before);
    },
  );

  it('answers 400 to malformed JSON', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').set('content-type', 'application/json').send('{"type": ').expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_JSON', message: expect.stringMatching(/JSON/) });
  });
});
