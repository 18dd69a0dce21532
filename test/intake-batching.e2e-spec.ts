import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';

/** Submissions that arrive while an intake statement runs are stored together by the next one. */
describe('intake in batches', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // One statement at a time: whatever arrives meanwhile is batched.
    stack = await startStack({ env: { INTAKE_WRITERS: '1' } });
  });
  afterAll(() => stack?.stop());

  async function intakeBatches(): Promise<{ count: number; sum: number }> {
    const text = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    const sample = (series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? NaN);
    return { count: sample('petitio_intake_batch_size_count'), sum: sample('petitio_intake_batch_size_sum') };
  }

  it('stores concurrent submissions together, each with its own tracking number, history line and routing, and one per Idempotency-Key', async () => {
    const run = randomUUID();
    const before = await intakeBatches();
    const key = randomUUID();
    const keyed = validApplication({ subject: `keyed ${run}` });
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => request(stack.apiUrl).post('/api/v1/applications').send(validApplication({ subject: `batch ${run} ${i}` }))),
      ...Array.from({ length: 5 }, () => request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(keyed)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(35).fill(201));
    const plain = answers.slice(0, 30);
    const retried = answers.slice(30);
    expect(new Set(plain.map((a) => a.body.trackingNumber)).size).toBe(30);
    expect(new Set(retried.map((a) => a.body.trackingNumber)).size).toBe(1);
    expect(retried.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);

    const after = await intakeBatches();
    const statements = after.count - before.count;
    expect(after.sum - before.sum).toBe(35);
    // Fewer statements than submissions: some were written together.
    expect(statements).toBeLessThan(35);

    const { rows } = await stack.db.query(
      `SELECT a.tracking_number, a.subject, count(e.id)::int AS history
       FROM applications a JOIN application_events e ON e.application_id = a.id AND e.kind = 'received'
       WHERE a.subject LIKE $1 OR a.subject = $2 GROUP BY a.id`,
      [`batch ${run} %`, keyed.subject],
    );
    expect(rows).toHaveLength(31);
    expect(rows.every((r) => r.history === 1)).toBe(true);
    // Each answer names the row stored from its own request.
    const subjectOf = new Map(rows.map((r) => [r.tracking_number, r.subject]));
    plain.forEach((a, i) => expect(subjectOf.get(digits(a.body.trackingNumber))).toBe(`batch ${run} ${i}`));

    for (const a of [...plain, retried[0]]) expect(await routedAgencyCode(stack.db, a.body.trackingNumber)).toBe('ISKI-KDK');
    const routedTwice = await stack.db.query(
      `SELECT a.id FROM applications a JOIN application_events e ON e.application_id = a.id AND e.kind = 'routed'
       WHERE a.subject LIKE $1 OR a.subject = $2 GROUP BY a.id HAVING count(*) > 1`,
      [`batch ${run} %`, keyed.subject],
    );
    expect(routedTwice.rows).toEqual([]);
  });

  it('fails only the submission the database refuses when its statement fails, and stores the others', async () => {
    const run = randomUUID();
    // A transient refusal of one row, as a conflict would give: the statement holding it fails as a whole.
    await stack.db.query(`
      CREATE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject LIKE 'poison %' THEN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '40001'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_poison BEFORE INSERT ON applications FOR EACH ROW EXECUTE FUNCTION test_refuse_poison();`);
    try {
      const before = await intakeBatches();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(stack.apiUrl).post('/api/v1/applications').send(validApplication({ subject: i === 7 ? `poison ${run}` : `good ${run} ${i}` })),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 ? 503 : 201)));
      expect(answers[7].headers['retry-after']).toBe('1');
      expect((await intakeBatches()).count - before.count).toBeLessThan(20);

      const { rows } = await stack.db.query(
        `SELECT count(*) FILTER (WHERE subject LIKE 'good %')::int AS good, count(*) FILTER (WHERE subject LIKE 'poison %')::int AS poisoned FROM applications WHERE subject LIKE $1 OR subject LIKE $2`,
        [`good ${run} %`, `poison ${run}`],
      );
      expect(rows[0]).toEqual({ good: 19, poisoned: 0 });
    } finally {
      await stack.db.query('DROP TRIGGER test_refuse_poison ON applications; DROP FUNCTION test_refuse_poison()');
    }
  });
});
