import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { countApplications, digits, routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';

describe('Idempotency-Key', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('returns the first answer to a retried submission instead of a duplicate', async () => {
    const key = randomUUID();
    const body = validApplication();
    const first = await request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(body).expect(201);
    const before = await countApplications(stack.db);
    const retry = await request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.trackingNumber).toBe(first.body.trackingNumber);
    expect(retry.body.accessCode).toBe(first.body.accessCode);
    expect(await countApplications(stack.db)).toBe(before);
  });

  it('creates exactly one application when the same submission is retried concurrently', async () => {
    const key = randomUUID();
    const body = validApplication({ subject: `concurrent ${key}` });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(body)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.trackingNumber)).size).toBe(1);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM applications WHERE subject = $1', [body.subject]);
    expect(rows[0].n).toBe(1);
    await routedAgencyCode(stack.db, answers[0].body.trackingNumber);
    const events = await stack.db.query(
      `SELECT count(*)::int AS n FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.tracking_number = $1 AND e.kind = 'routed'`,
      [digits(answers[0].body.trackingNumber)],
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('refuses a different submission under a key already used, storing nothing', async () => {
    const key = randomUUID();
    await request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(validApplication()).expect(201);
    const before = await countApplications(stack.db);
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .set('Idempotency-Key', key)
      .send(validApplication({ body: 'A completely different matter.' }))
      .expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countApplications(stack.db)).toBe(before);
  });

  it('refuses a malformed key with a field error', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', 'x'.repeat(300)).send(validApplication()).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'format' })]);
  });

  it('treats submissions without a key as distinct applications', async () => {
    const body = validApplication();
    const a = await request(stack.apiUrl).post('/api/v1/applications').send(body).expect(201);
    const b = await request(stack.apiUrl).post('/api/v1/applications').send(body).expect(201);
    expect(a.body.trackingNumber).not.toBe(b.body.trackingNumber);
  });
});
