import { Client } from 'pg';
import { catalogs } from '@petitio/i18n';
import request from 'supertest';
import { CliRun, runCli } from './support/cli';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

interface RoutedApplication {
  id: string;
  trackingNumber: string;
  receivedEventId: string;
  routedEventId: string;
  lastEventId: string;
}

describe('the tamper-evident history (verify-history)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  const verifyHistory = (...args: string[]): Promise<CliRun> => runCli(stack.env.DATABASE_URL, 'verify-history', ...args);

  /**
   * Submitted through the api, routed by the worker and its answer and first-response deadlines set:
   * four history lines written by the real code, all there before the test touches the chain.
   */
  async function routedApplication(): Promise<RoutedApplication> {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    await routedAgencyCode(stack.db, res.body.trackingNumber);
    const events = async () =>
      (
        await stack.db.query(
          `SELECT a.id, e.id::text AS event_id, e.kind FROM applications a JOIN application_events e ON e.application_id = a.id
           WHERE a.tracking_number = $1 ORDER BY e.id`,
          [digits(res.body.trackingNumber)],
        )
      ).rows;
    const rows = await waitFor(async () => (await events()).length >= 4 && events(), 10000, 'the deadlines to be set');
    expect(rows.map((r) => r.kind)).toEqual(['received', 'routed', 'deadline_set', 'deadline_set']);
    return {
      id: rows[0].id,
      trackingNumber: res.body.trackingNumber,
      receivedEventId: rows[0].event_id,
      routedEventId: rows[1].event_id,
      lastEventId: rows[3].event_id,
    };
  }

  /** What a superuser can do: switch the append-only trigger off for one transaction and rewrite history. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    const client = await stack.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE application_events DISABLE TRIGGER application_events_no_update');
      const { rowCount } = await client.query(sql, params);
      expect(rowCount).toBe(1);
      await client.query('ALTER TABLE application_events ENABLE TRIGGER application_events_no_update');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  function brokenLines(run: CliRun): string[] {
    return run.stdout.split('\n').filter((line) => line.startsWith('application '));
  }

  const tampered: RoutedApplication[] = [];

  it('finds an untouched history intact and counts every event of every application, whatever the batch size', async () => {
    const apps = await Promise.all([routedApplication(), routedApplication(), routedApplication()]);
    // Batches of 1 and 4 cut the walk inside an application and between applications.
    for (const batch of [[], ['--batch-size', '1'], ['--batch-size', '4']]) {
      const run = await verifyHistory(...batch);
      expect({ exitCode: run.exitCode, stderr: run.stderr }).toMatchObject({ exitCode: 0 });
      expect(run.stdout).toContain('history intact: 12 events in 3 applications');
    }
    const one = await verifyHistory('--application', apps[1].id);
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toContain('history intact: 4 events in 1 application\n');
  });

  it('refuses to rewrite history while the append-only trigger is on', async () => {
    const app = await routedApplication();
    await expect(stack.db.query(`UPDATE application_events SET to_status = 'rejected' WHERE id = $1`, [app.routedEventId])).rejects.toThrow(/append-only/);
    await expect(stack.db.query('DELETE FROM application_events WHERE id = $1', [app.receivedEventId])).rejects.toThrow(/append-only/);
    expect((await verifyHistory('--application', app.id)).exitCode).toBe(0);
  });

  it('names the application and the event whose data was edited', async () => {
    const app = await routedApplication();
    tampered.push(app);
    await tamper(`UPDATE application_events SET data = data || '{"reason": "triage"}' WHERE id = $1`, [app.routedEventId]);

    const run = await verifyHistory('--application', app.id);
    expect(run.exitCode).toBe(2);
    expect(brokenLines(run)).toEqual([`application ${app.trackingNumber}: event ${app.routedEventId} altered (hash does not match its contents)`]);
  });

  it('names only the first break when an event’s status and a later event were both edited', async () => {
    const app = await routedApplication();
    tampered.push(app);
    await tamper(`UPDATE application_events SET to_status = 'rejected' WHERE id = $1`, [app.receivedEventId]);
    await tamper(`UPDATE application_events SET data = '{}' WHERE id = $1`, [app.routedEventId]);

    // One event per batch: the second break comes in the next batch and must not be reported again.
    const run = await verifyHistory('--application', app.id, '--batch-size', '1');
    expect(run.exitCode).toBe(2);
    expect(brokenLines(run)).toEqual([`application ${app.trackingNumber}: event ${app.receivedEventId} altered (hash does not match its contents)`]);
  });

  it('catches a removed event at the event that followed it', async () => {
    const app = await routedApplication();
    tampered.push(app);
    await tamper('DELETE FROM application_events WHERE id = $1', [app.receivedEventId]);

    const run = await verifyHistory('--application', app.id);
    expect(run.exitCode).toBe(2);
    expect(brokenLines(run)).toEqual([
      `application ${app.trackingNumber}: event ${app.routedEventId} does not follow the event before it (an event before it was removed, or altered and re-hashed)`,
    ]);
  });

  // The attacker knows the digest function, so an event can be rewritten together with a matching hash.
  const FORGE = `UPDATE application_events SET data = $2::jsonb,
    hash = sha256(convert_to(application_event_digest_input(prev_hash, application_id, occurred_at, kind, actor_type, actor_id,
      from_status, to_status, from_agency_id, to_agency_id, $2::jsonb), 'UTF8'))
    WHERE id = $1`;

  it('catches an event forged with a consistent hash at the next link of the chain', async () => {
    const app = await routedApplication();
    tampered.push(app);
    await tamper(FORGE, [app.receivedEventId, JSON.stringify({ channel: 'agent' })]);

    const run = await verifyHistory('--application', app.id);
    expect(run.exitCode).toBe(2);
    expect(brokenLines(run)).toEqual([
      `application ${app.trackingNumber}: event ${app.routedEventId} does not follow the event before it (an event before it was removed, or altered and re-hashed)`,
    ]);
  });

  it('cannot see a consistently forged last event: only a chain head anchored outside the database could', async () => {
    // Nothing follows the last event, so no later link contradicts it; the same holds for removing the
    // last events or re-hashing the whole tail. Catching that needs the heads published elsewhere (not built).
    const app = await routedApplication();
    await tamper(FORGE, [app.lastEventId, JSON.stringify({ kind: 'answer', deadline: null, reason: 'forged' })]);
    const { rows } = await stack.db.query('SELECT data FROM application_events WHERE id = $1', [app.lastEventId]);
    expect(rows[0].data).toEqual({ kind: 'answer', deadline: null, reason: 'forged' });

    const run = await verifyHistory('--application', app.id);
    expect(run.exitCode).toBe(0);
  });

  it('reports an event written while the chain trigger was off', async () => {
    const app = await routedApplication();
    tampered.push(app);
    const client = await stack.db.connect();
    let insertedId = '';
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE application_events DISABLE TRIGGER application_events_chain');
      const { rows } = await client.query(
        `INSERT INTO application_events (application_id, kind, actor_type, to_status) VALUES ($1, 'closed', 'system', 'closed') RETURNING id::text`,
        [app.id],
      );
      insertedId = rows[0].id;
      await client.query('ALTER TABLE application_events ENABLE TRIGGER application_events_chain');
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    const run = await verifyHistory('--application', app.id);
    expect(run.exitCode).toBe(2);
    expect(brokenLines(run)).toEqual([`application ${app.trackingNumber}: event ${insertedId} has no hash (written while the chain trigger was disabled)`]);
  });

  it('lists the first broken link of each broken application once, and no intact one, when checking everything', async () => {
    for (const batch of [[], ['--batch-size', '1']]) {
      const run = await verifyHistory(...batch);
      expect(run.exitCode).toBe(2);
      const lines = brokenLines(run);
      expect(lines).toHaveLength(tampered.length);
      for (const app of tampered) expect(lines.filter((l) => l.startsWith(`application ${app.trackingNumber}: `))).toHaveLength(1);
      const { rows } = await stack.db.query('SELECT count(*)::int AS events, count(DISTINCT application_id)::int AS apps FROM application_events');
      expect(run.stdout).toContain(`history broken in ${tampered.length} applications (${rows[0].events} events in ${rows[0].apps} applications checked)`);
    }
  });

  it('keeps one unbroken chain when many connections append to one application at once', async () => {
    const app = await routedApplication();
    const connections = 16;
    const appendsEach = 25;
    const clients = Array.from({ length: connections }, () => new Client({ connectionString: stack.env.DATABASE_URL }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(
        clients.map(async (client, n) => {
          for (let i = 0; i < appendsEach; i++) {
            await client.query(`INSERT INTO application_events (application_id, kind, actor_type, data) VALUES ($1, 'note', 'system', $2::jsonb)`, [
              app.id,
              JSON.stringify({ connection: n, append: i }),
            ]);
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }

    const run = await verifyHistory('--application', app.id, '--batch-size', '7');
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toMatchObject({ exitCode: 0 });
    expect(run.stdout).toContain(`history intact: ${4 + connections * appendsEach} events in 1 application\n`);
    // No fork either: every event but the first is pointed at by exactly one successor.
    const { rows } = await stack.db.query(
      'SELECT count(*)::int AS events, count(DISTINCT prev_hash)::int AS linked FROM application_events WHERE application_id = $1',
      [app.id],
    );
    expect(rows[0].linked).toBe(rows[0].events - 1);
  });

  it('says so when the application to check does not exist', async () => {
    const run = await verifyHistory('--application', '6f1c0e9e-2a8b-4d53-9a53-1f0c8d7e6b21');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(catalogs.texts('api', 'en').problems.APPLICATION_NOT_FOUND);
  });
});
