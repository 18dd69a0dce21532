import { QueueName, forBullMq, parseRedisUrl } from '@petitio/platform/queue/queues';
import { Queue } from 'bullmq';
import { digits, validApplication } from './support/applications';
import { freePort, waitFor } from './support/ports';
import { PrivateRedis } from './support/private-redis';
import { RunningProcess, TestStack, startStack } from './support/stack';

async function submit(stack: TestStack): Promise<{ trackingNumber: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${stack.apiUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validApplication()),
    signal: AbortSignal.timeout(10_000),
  });
  const ms = Date.now() - started;
  if (res.status !== 201) throw new Error(`submission answered ${res.status} after ${ms} ms: ${await res.text()}`);
  return { trackingNumber: digits((await res.json()).trackingNumber), ms };
}

async function statuses(stack: TestStack, trackingNumbers: string[]): Promise<Record<string, number>> {
  const { rows } = await stack.db.query('SELECT status, count(*)::int AS n FROM applications WHERE tracking_number = ANY($1) GROUP BY status', [
    trackingNumbers,
  ]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function outboxSize(stack: TestStack, topic?: string): Promise<number> {
  const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM outbox_events WHERE topic = coalesce($1, topic)', [topic ?? null]);
  return rows[0].n;
}

async function health(url: string): Promise<{ status: number; body: { error?: Record<string, { status: string }> } }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: await res.json() };
}

/** Waits until every application is routed and nothing is left to deliver, then checks each was routed exactly once. */
async function expectAllRoutedExactlyOnce(stack: TestStack, redisUrl: string, trackingNumbers: string[]): Promise<void> {
  const queue = new Queue(QueueName.Routing, {
    connection: forBullMq({ ...parseRedisUrl(redisUrl), maxRetriesPerRequest: null }),
    prefix: stack.env.QUEUE_PREFIX,
  });
  queue.on('error', () => undefined);
  try {
    await waitFor(
      async () => {
        if ((await statuses(stack, trackingNumbers)).routed !== trackingNumbers.length || (await outboxSize(stack)) !== 0) return false;
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
        return Object.values(counts).every((n) => n === 0);
      },
      30_000,
      'every application to be routed after Redis returned',
    ).catch(async (error) => {
      // Where the work stands: still in the outbox (the relay), or queued and not taken (the workers).
      const outbox = (await stack.db.query('SELECT topic, count(*)::int AS n FROM outbox_events GROUP BY topic')).rows;
      const routing = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed').catch((e) => String(e));
      throw new Error(`${String(error)}\n${JSON.stringify({ statuses: await statuses(stack, trackingNumbers), outbox, routing })}\n${stack.logs()}`);
    });
    const { rows } = await stack.db.query(
      `SELECT a.tracking_number, count(*) FILTER (WHERE e.kind = 'routed')::int AS routed_events
       FROM applications a JOIN application_events e ON e.application_id = a.id
       WHERE a.tracking_number = ANY($1) GROUP BY a.id`,
      [trackingNumbers],
    );
    expect(rows).toHaveLength(trackingNumbers.length);
    expect(rows.filter((r) => r.routed_events !== 1)).toEqual([]);
    expect((await queue.getJobCounts('failed')).failed).toBe(0);
  } finally {
    await queue.close();
  }
}

function hasExited(process: RunningProcess): boolean {
  return process.child.exitCode !== null || process.child.signalCode !== null;
}

describe('when Redis goes away', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeEach(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
  });
  afterEach(async () => {
    // Processes are stopped with Redis up, so a failure above cannot leave one waiting for it.
    await redis?.start();
    await stack?.stop();
    await redis?.dispose();
  });

  it('keeps taking applications, and routes each one exactly once when an empty Redis comes back', async () => {
    stack = await startStack({ redisUrl: redis.url });
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push((await submit(stack)).trackingNumber);
    await waitFor(async () => (await statuses(stack, before)).routed === 5, 10_000, 'the first applications to be routed');

    await redis.stop();

    const during: { trackingNumber: string; ms: number }[] = [];
    for (let i = 0; i < 30; i++) during.push(await submit(stack));
    // Intake never waits for Redis: every answer comes as fast as PostgreSQL commits.
    expect(during.filter((s) => s.ms > 2_000)).toEqual([]);
    const duringNumbers = during.map((s) => s.trackingNumber);
    expect(await statuses(stack, duringNumbers)).toEqual({ received: 30 });
    expect(await outboxSize(stack, 'application.received')).toBe(30);

    expect((await health(`${stack.apiUrl}/health/live`)).status).toBe(200);
    const ready = await health(`${stack.apiUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body.error?.redis?.status).toBe('down');
    expect(ready.body.error?.postgres).toBeUndefined();
    expect((await health(`${stack.workers[0].url}/health/live`)).status).toBe(200);
    expect((await health(`${stack.workers[0].url}/health/ready`)).status).toBe(503);

    // The same port, but nothing in it: whatever was queued before is gone.
    await redis.start();

    await expectAllRoutedExactlyOnce(stack, redis.url, [...before, ...duringNumbers]);
    for (const process of [stack.api, stack.workers[0]]) {
      await waitFor(async () => (await health(`${process.url}/health/ready`)).status === 200, 10_000, `${process.name} to be ready again`);
    }
  }, 60_000);

  it('lets workers stop and start during the outage, and the one started then routes everything when Redis returns', async () => {
    stack = await startStack({ redisUrl: redis.url });
    const before = (await submit(stack)).trackingNumber;
    await waitFor(async () => (await statuses(stack, [before])).routed === 1, 10_000, 'the first application to be routed');

    await redis.stop();
    const during: string[] = [];
    for (let i = 0; i < 5; i++) during.push((await submit(stack)).trackingNumber);

    // A deploy or a scale-down during the outage: a worker asked to stop must not wait for Redis.
    const running = stack.workers[0];
    void running.kill('SIGTERM');
    await waitFor(async () => hasExited(running), 10_000, 'the running worker to exit on SIGTERM');

    // A worker started now has never reached Redis; its relay is already trying to publish the backlog.
    const first = await stack.startWorker();
    const scrape = await fetch(`${first.url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain(`petitio_outbox_backlog ${await outboxSize(stack)}\n`);
    expect((await health(`${first.url}/health/ready`)).status).toBe(503);
    void first.kill('SIGTERM');
    await waitFor(async () => hasExited(first), 10_000, 'a worker started during the outage to exit on SIGTERM');

    const second = await stack.startWorker();
    await redis.start();
    await expectAllRoutedExactlyOnce(stack, redis.url, [before, ...during]);
    await waitFor(async () => (await health(`${second.url}/health/ready`)).status === 200, 10_000, 'the new worker to be ready');
  }, 60_000);
});
