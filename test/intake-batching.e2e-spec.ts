import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

/** Submissions that arrive while an intake statement runs are stored together by the next one. */
describe('intake in batches', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // One statement at a time: whatever arrives meanwhile is batched.
    stack = await startStack({ env: { INTAKE_WRITERS: '1' } });
  });
  afterAll(() => stack?.stop());

  async function apiMetrics(): Promise<(series: string) => number> {
    const text = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    return (series) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1] ?? NaN,
      );
  }

  async function intakeBatches(): Promise<{ count: number; sum: number }> {
    const sample = await apiMetrics();
    return { count: sample('petitio_intake_batch_size_count'), sum: sample('petitio_intake_batch_size_sum') };
  }

  /** Makes PostgreSQL refuse to insert applications whose subject starts with `prefix`, with the error `sqlstate`. */
  async function refuseInsert(prefix: string, sqlstate: string): Promise<() => Promise<unknown>> {
    const name = `test_refuse_${prefix}`;
    await stack.db.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject LIKE '${prefix} %' THEN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '${sqlstate}'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${name} BEFORE INSERT ON applications FOR EACH ROW EXECUTE FUNCTION ${name}();`);
    return () => stack.db.query(`DROP TRIGGER ${name} ON applications; DROP FUNCTION ${name}()`);
  }

  /**
   * Holds the intake statement that starts first (its topic row is locked), so that the submissions sent meanwhile
   * all wait for the next statement; releases it once they are in.
   */
  async function withIntakeHeld<T>(
    first: () => Promise<T>,
    meanwhile: () => Promise<T[]>,
    meanwhileCount: number,
    whileHeld: () => Promise<unknown> = async () => undefined,
  ): Promise<T[]> {
    const lock = await stack.db.connect();
    try {
      await lock.query('BEGIN');
      await lock.query(`SELECT 1 FROM topics WHERE code = 'water' FOR UPDATE`);
      // A supertest request is sent only once something waits for it.
      const held = Promise.resolve().then(first);
      await waitFor(
        async () =>
          (
            await stack.db.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO applications%'`,
            )
          ).rowCount === 1,
        10000,
        'the first intake statement to wait for the topic row',
      );
      const rest = meanwhile();
      await waitFor(
        async () => (await apiMetrics())('petitio_intake_waiting') === meanwhileCount,
        10000,
        'the other submissions to wait for the next statement',
      );
      await whileHeld();
      await lock.query('COMMIT');
      return [await held, ...(await rest)];
    } finally {
      lock.release();
    }
  }

  it('stores concurrent submissions together, each with its own tracking number, history line and routing, and one per Idempotency-Key', async () => {
    const run = randomUUID();
    const before = await intakeBatches();
    const key = randomUUID();
    const keyed = validApplication({ subject: `keyed ${run}` });
    const submit = (i: number) =>
      request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ subject: `batch ${run} ${i}` }));
    const answers = await withIntakeHeld(
      () => submit(0),
      () =>
        Promise.all([
          ...Array.from({ length: 29 }, (_, i) => submit(i + 1)),
          ...Array.from({ length: 5 }, () => request(stack.apiUrl).post('/api/v1/applications').set('Idempotency-Key', key).send(keyed)),
        ]),
      34,
    );
    expect(answers.map((a) => a.status)).toEqual(Array(35).fill(201));
    const plain = answers.slice(0, 30);
    const retried = answers.slice(30);
    expect(new Set(plain.map((a) => a.body.trackingNumber)).size).toBe(30);
    // The five with one key went into the same statement: one stored, four given its answer.
    expect(new Set(retried.map((a) => a.body.trackingNumber)).size).toBe(1);
    expect(retried.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);

    const after = await intakeBatches();
    expect({ statements: after.count - before.count, submissions: after.sum - before.sum }).toEqual({ statements: 2, submissions: 35 });

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

  it('draws a new tracking number for the one submission whose number clashes inside a shared statement, and stores the others', async () => {
    const run = randomUUID();
    // The clash is made to happen twice: in the shared statement, and again when that submission is written alone
    // with the same number. Only a new number gets it through.
    await stack.db.query(`
      CREATE SEQUENCE test_clash_tries;
      CREATE FUNCTION test_clash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject LIKE 'clash %' AND nextval('test_clash_tries') <= 2 THEN
          RAISE EXCEPTION 'duplicate key value' USING ERRCODE = '23505', CONSTRAINT = 'applications_tracking_number_key';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_clash BEFORE INSERT ON applications FOR EACH ROW EXECUTE FUNCTION test_clash();`);
    try {
      const submit = (subject: string) => request(stack.apiUrl).post('/api/v1/applications').send(validApplication({ subject }));
      const answers = await withIntakeHeld(
        () => submit(`first ${run}`),
        () => Promise.all(Array.from({ length: 10 }, (_, i) => submit(i === 4 ? `clash ${run}` : `other ${run} ${i}`))),
        10,
      );
      expect(answers.map((a) => a.status)).toEqual(Array(11).fill(201));
      const tries = await stack.db.query(`SELECT last_value::int AS n FROM test_clash_tries`);
      expect(tries.rows[0].n).toBe(3);
      const { rows } = await stack.db.query(`SELECT tracking_number FROM applications WHERE subject = $1`, [`clash ${run}`]);
      expect(rows).toEqual([{ tracking_number: digits(answers[5].body.trackingNumber) }]);
      const others = await stack.db.query(`SELECT count(*)::int AS n FROM applications WHERE subject LIKE $1`, [`other ${run} %`]);
      expect(others.rows[0].n).toBe(9);
    } finally {
      await stack.db.query('DROP TRIGGER test_clash ON applications; DROP FUNCTION test_clash(); DROP SEQUENCE test_clash_tries');
    }
  });

  it('fails only the submission the database refuses when its statement fails, and stores the others', async () => {
    const run = randomUUID();
    // A transient refusal of one row, as a conflict would give: the statement holding it fails as a whole.
    const allow = await refuseInsert('poison', '40001');
    try {
      const before = await intakeBatches();
      const submit = (i: number) =>
        request(stack.apiUrl)
          .post('/api/v1/applications')
          .send(validApplication({ subject: i === 7 ? `poison ${run}` : `good ${run} ${i}` }));
      const answers = await withIntakeHeld(
        () => submit(0),
        () => Promise.all(Array.from({ length: 19 }, (_, i) => submit(i + 1))),
        19,
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 ? 503 : 201)));
      expect(answers[7].headers['retry-after']).toBe('1');
      // The held statement and the shared one (its one-by-one retries are not batches).
      expect((await intakeBatches()).count - before.count).toBe(2);

      const { rows } = await stack.db.query(
        `SELECT count(*) FILTER (WHERE subject LIKE 'good %')::int AS good, count(*) FILTER (WHERE subject LIKE 'poison %')::int AS poisoned FROM applications WHERE subject LIKE $1 OR subject LIKE $2`,
        [`good ${run} %`, `poison ${run}`],
      );
      expect(rows[0]).toEqual({ good: 19, poisoned: 0 });
    } finally {
      await allow();
    }
  });

  it('answers 503 to every submission of a statement that lost its connection, without writing them again one by one', async () => {
    const run = randomUUID();
    // 57P01 is how PostgreSQL going away reads to the api: the statement may or may not have committed.
    const allow = await refuseInsert('gone', '57P01');
    try {
      const before = await intakeBatches();
      const submit = (i: number) =>
        request(stack.apiUrl)
          .post('/api/v1/applications')
          .send(validApplication({ subject: i === 3 ? `gone ${run}` : `near ${run} ${i}` }));
      const answers = await withIntakeHeld(
        () => submit(0),
        () => Promise.all(Array.from({ length: 9 }, (_, i) => submit(i + 1))),
        9,
      );
      expect(answers[0].status).toBe(201);
      expect(answers.slice(1).map((a) => [a.status, a.body.code, a.headers['retry-after']])).toEqual(Array(9).fill([503, 'SERVICE_UNAVAILABLE', '5']));
      expect((await intakeBatches()).count - before.count).toBe(2);
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM applications WHERE subject LIKE $1 OR subject LIKE $2`, [
        `near ${run} %`,
        `gone ${run}`,
      ]);
      expect(rows[0].n).toBe(1);
    } finally {
      await allow();
    }
  });

  it('answers 503 at once, storing nothing, while twice what the running statement holds is already waiting', async () => {
    const run = randomUUID();
    // One writer of at most 64 submissions: 128 may wait.
    const submit = (i: number) =>
      request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ subject: `crowd ${run} ${i}` }));
    let refused: request.Response[] = [];
    const stored = await withIntakeHeld(
      () => submit(0),
      () => Promise.all(Array.from({ length: 128 }, (_, i) => submit(i + 1))),
      128,
      async () => (refused = await Promise.all(Array.from({ length: 3 }, (_, i) => submit(200 + i)))),
    );
    expect(refused.map((a) => [a.status, a.body.code])).toEqual(Array(3).fill([503, 'SERVICE_UNAVAILABLE']));
    expect(stored.every((a) => a.status === 201)).toBe(true);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM applications WHERE subject LIKE $1`, [`crowd ${run} %`]);
    expect(rows[0].n).toBe(129);
  });
});
