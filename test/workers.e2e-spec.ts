import { randomUUID } from 'node:crypto';
import { QueueName, forBullMq, parseRedisUrl } from '@petitio/platform/queue/queues';
import { Job, Queue } from 'bullmq';
import { PoolClient } from 'pg';
import { digits, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { RunningProcess, TestStack, startStack } from './support/stack';

const KADIKOY_WATER = validApplication();
// Routed to ISKI by the province rule, so it never waits on the ISKI-KDK row the kill test holds.
const USKUDAR_WATER = validApplication({ location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' } });

async function submit(stack: TestStack, application: object = KADIKOY_WATER): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${await res.text()}`);
  return digits((await res.json()).trackingNumber);
}

async function submitInBatches(stack: TestStack, total: number, batchSize: number, application?: object): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < total; i += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, total - i) }, () => submit(stack, application));
    numbers.push(...(await Promise.all(batch)));
  }
  return numbers;
}

function routingQueue(stack: TestStack): Queue {
  const queue = new Queue(QueueName.Routing, {
    connection: forBullMq({ ...parseRedisUrl(stack.env.REDIS_URL), maxRetriesPerRequest: null }),
    prefix: stack.env.QUEUE_PREFIX,
  });
  queue.on('error', () => undefined);
  return queue;
}

interface RoutingRecord {
  tracking_number: string;
  status: string;
  routed_events: number;
  received_events: number;
}

async function routingRecords(stack: TestStack, trackingNumbers: string[]): Promise<RoutingRecord[]> {
  const { rows } = await stack.db.query<RoutingRecord>(
    `SELECT a.tracking_number, a.status,
            count(*) FILTER (WHERE e.kind = 'routed')::int AS routed_events,
            count(*) FILTER (WHERE e.kind = 'received')::int AS received_events
     FROM applications a JOIN application_events e ON e.application_id = a.id
     WHERE a.tracking_number = ANY($1) GROUP BY a.id`,
    [trackingNumbers],
  );
  return rows;
}

/**
 * Waits until every application is routed and nothing is left to deliver (outbox empty, no routing
 * job waiting, delayed or active), then checks that each one was routed exactly once.
 */
async function expectRoutedExactlyOnce(stack: TestStack, queue: Queue, trackingNumbers: string[], timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const records = await routingRecords(stack, trackingNumbers);
      if (records.length !== trackingNumbers.length || records.some((r) => r.status !== 'routed')) return false;
      const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM outbox_events');
      if (rows[0].n !== 0) return false;
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    },
    timeoutMs,
    `${trackingNumbers.length} applications to be routed and the queue to drain`,
  ).catch((error) => {
    throw new Error(`${String(error)}\n${stack.logs()}`);
  });
  const records = await routingRecords(stack, trackingNumbers);
  expect(records).toHaveLength(new Set(trackingNumbers).size);
  expect(records.filter((r) => r.routed_events !== 1 || r.received_events !== 1)).toEqual([]);
}

async function metricValue(process: RunningProcess, name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${process.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function histogramTotals(process: RunningProcess, name: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${process.url}/metrics`)).text();
  const value = (suffix: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${name}_${suffix} `))
        ?.split(' ')
        .pop() ?? NaN,
    );
  return { sum: value('sum'), count: value('count') };
}

/** Short job locks, so a killed worker's jobs move to another within seconds rather than a minute. */
const QUICK_TAKEOVER = { WORKER_LOCK_MS: '5000', WORKER_STALLED_CHECK_MS: '2000' };

describe('routing workers', () => {
  describe('two worker processes on one queue', () => {
    let stack: TestStack;
    let queue: Queue;

    beforeAll(async () => {
      stack = await startStack({ workers: 2 });
      queue = routingQueue(stack);
    });
    afterAll(async () => {
      await queue?.close();
      await stack?.stop();
    });

    it('route 200 applications submitted concurrently, each exactly once, sharing the work', async () => {
      const trackingNumbers = await submitInBatches(stack, 200, 25);
      expect(new Set(trackingNumbers).size).toBe(200);

      await expectRoutedExactlyOnce(stack, queue, trackingNumbers, 30_000);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 200, failed: 0 });
      const [first, second] = await Promise.all(
        stack.workers.map((w) => metricValue(w, 'petitio_jobs_processed_total', 'queue="routing",outcome="completed"')),
      );
      expect(first + second).toBe(200);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(0);

      // Jobs that ran together were routed together: fewer transactions than applications, none routed twice.
      const batched = await Promise.all(stack.workers.map((w) => histogramTotals(w, 'petitio_routing_batch_size')));
      expect(batched.reduce((n, b) => n + b.sum, 0)).toBe(200);
      expect(batched.reduce((n, b) => n + b.count, 0)).toBeLessThan(200);
    });
  });

  describe('a worker killed in the middle of its jobs', () => {
    let stack: TestStack;
    let queue: Queue;
    let lock: PoolClient | undefined;

    beforeAll(async () => {
      stack = await startStack({ workers: 1, env: QUICK_TAKEOVER });
      queue = routingQueue(stack);
    });
    afterAll(async () => {
      await lock?.query('ROLLBACK').catch(() => undefined);
      lock?.release();
      await queue?.close();
      await stack?.stop();
    });

    it("re-runs a killed worker's jobs in another, and still routes each application exactly once", async () => {
      // Hold the ISKI-KDK agency row: routing a Kadıköy water complaint then waits inside its UPDATE
      // (on the foreign-key check), so those jobs are certainly in flight when the worker dies.
      lock = await stack.db.connect();
      await lock.query('BEGIN');
      await lock.query(`SELECT id FROM agencies WHERE code = 'ISKI-KDK' FOR UPDATE`);
      const inFlight = await submitInBatches(stack, 3, 3, KADIKOY_WATER);
      const inFlightIds: string[] = (await stack.db.query('SELECT id FROM applications WHERE tracking_number = ANY($1)', [inFlight])).rows.map((r) => r.id);
      // Jobs that run together are routed in one statement: one to three statements wait, holding all three jobs.
      await waitFor(
        async () => {
          const { rows } = await stack.db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          const states = await Promise.all(inFlightIds.map((id) => queue.getJobState(`route-${id}`)));
          return rows[0].n >= 1 && states.every((state) => state === 'active');
        },
        10_000,
        'the first worker to be routing the Kadıköy applications',
      );

      // Applications keep arriving (routed to ISKI, not held) while the worker is killed and replaced.
      let arriving = true;
      const arrived: string[] = [];
      const submitter = (async () => {
        while (arriving) arrived.push(...(await submitInBatches(stack, 5, 5, USKUDAR_WATER)));
      })();
      await waitFor(async () => arrived.length >= 20, 20_000, 'applications to arrive before the kill');
      await stack.workers[0].kill('SIGKILL');
      await waitFor(async () => arrived.length >= 40, 20_000, 'applications to arrive with no worker');
      await stack.startWorker();
      await waitFor(async () => arrived.length >= 60, 20_000, 'applications to arrive after the new worker started');
      arriving = false;
      await submitter;

      // BullMQ gives the dead worker's jobs to the new one once their lock expires (here 5 s, checked
      // every 2 s; 30 s each by default). The dead worker's UPDATE is still waiting too.
      await waitFor(
        async () => {
          const jobs = await Promise.all(inFlightIds.map((id) => queue.getJob(`route-${id}`)));
          const states = await Promise.all(jobs.map((job) => job?.getState()));
          return jobs.every((job, i) => job?.stalledCounter === 1 && states[i] === 'active');
        },
        90_000,
        "the new worker to take over the dead worker's jobs",
      ).catch((error) => {
        throw new Error(`${String(error)}\n${stack.logs()}`);
      });
      expect((await routingRecords(stack, inFlight)).map((r) => r.status)).toEqual(['received', 'received', 'received']);

      // Both the dead worker's statements and the re-run now go for the same rows: one of them wins.
      await lock.query('ROLLBACK');
      lock.release();
      lock = undefined;
      // A thousand applications routed after the takeover: seconds alone, longer on a machine busy with other suites.
      await expectRoutedExactlyOnce(stack, queue, [...inFlight, ...arrived], 50_000);
      for (const id of inFlightIds) expect(await queue.getJobState(`route-${id}`)).toBe('completed');
      expect((await queue.getJobCounts('failed')).failed).toBe(0);
    }, 150_000);
  });

  describe('a routing job that can never succeed', () => {
    let stack: TestStack;
    let queue: Queue;

    beforeAll(async () => {
      stack = await startStack({ workers: 1 });
      queue = routingQueue(stack);
    });
    afterAll(async () => {
      await queue?.close();
      await stack?.stop();
    });

    // The same retry policy the outbox relay gives real routing jobs: a retryable error would be retried 8 times.
    const relayOptions = { attempts: 8, backoff: { type: 'exponential', delay: 1000 } };

    async function finalState(jobId: string): Promise<Job> {
      return waitFor(async () => ((await queue.getJobState(jobId)) === 'failed' ? queue.getJob(jobId) : undefined), 10_000, `job ${jobId} to fail`);
    }

    it.each([
      ['names an application that does not exist', { eventId: '1', aggregateId: randomUUID() }, 'application not found'],
      ['names no application at all', { eventId: '1' }, 'routing job without a valid id'],
      ['names something that is not an application id', { eventId: '1', aggregateId: 'not-a-uuid' }, 'routing job without a valid id'],
    ])('fails at once, without retrying, when it %s', async (_name, data, reason) => {
      const outcomes = async () => ({
        failed: await metricValue(stack.workers[0], 'petitio_jobs_processed_total', 'queue="routing",outcome="failed"'),
        retried: await metricValue(stack.workers[0], 'petitio_jobs_processed_total', 'queue="routing",outcome="retried"'),
      });
      const before = await outcomes();
      const jobId = `poison-${randomUUID()}`;
      await queue.add('route', data, { ...relayOptions, jobId });

      const job = await finalState(jobId);
      expect({ reason: job.failedReason, attemptsMade: job.attemptsMade }).toEqual({ reason, attemptsMade: 1 });
      expect(await outcomes()).toEqual({ failed: before.failed + 1, retried: before.retried });
    });
  });
});
