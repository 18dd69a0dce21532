import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { forBullMq, parseRedisUrl } from '@petitio/platform';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { consoleCookie, consolePage } from './support/console-forms';
import { staffUser } from './support/staff';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

describe('the routing safety net', () => {
  let stack: TestStack;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    // Two attempts (1 s apart) before a routing job counts as failed.
    stack = await startStack({ env: { ROUTING_SWEEP_INTERVAL_MS: '1000', ROUTING_SWEEP_AFTER_SECONDS: '2', ROUTING_ATTEMPTS: '2' } });
    redis = new Redis(parseRedisUrl(stack.env.REDIS_URL));
    queue = new Queue('routing', { connection: forBullMq(parseRedisUrl(stack.env.REDIS_URL)), prefix: stack.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await stack?.stop();
  });

  it('routes an application whose job was lost with Redis’ data after the relay handed it over', async () => {
    await queue.pause();
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    // The relay has moved the event to Redis: the outbox is empty and the job waits in the paused queue.
    await waitFor(async () => (await stack.db.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n === 0, 10000, 'the relay');
    expect(await queue.getJobCountByTypes('waiting')).toBe(1);

    // Lose every key of this deployment, as a flushed or failed-over Redis would.
    const keys = await redis.keys(`${stack.env.QUEUE_PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);

    expect(await routedAgencyCode(stack.db, res.body.trackingNumber, 20000)).toBe('ISKI-KDK');
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.tracking_number = $1 AND e.kind = 'routed'`,
      [res.body.trackingNumber.replace(/-/g, '')],
    );
    expect(rows[0].n).toBe(1);
  });

  /**
   * Makes routing refuse applications whose subject starts with `prefix`, to any agency or to all but central triage,
   * with the error `sqlstate` (57P01, "terminating connection", is how a database going away reads to the worker).
   */
  async function refuseRouting(prefix: string, exceptTriage: boolean, sqlstate = 'P0001'): Promise<() => Promise<unknown>> {
    const name = `test_refuse_${prefix}`;
    await stack.db.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject LIKE '${prefix} %' AND NEW.status = 'routed'
           AND (NOT ${exceptTriage} OR NEW.assigned_agency_id IS DISTINCT FROM (SELECT id FROM agencies WHERE kind = 'triage')) THEN
          RAISE EXCEPTION 'routing refused for the test' USING ERRCODE = '${sqlstate}';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${name} BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION ${name}();`);
    return () => stack.db.query(`DROP TRIGGER IF EXISTS ${name} ON applications; DROP FUNCTION IF EXISTS ${name}()`);
  }

  /** Submits an application and waits until its routing job has failed for good. */
  async function submitUntilRoutingFails(subject: string) {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication({ subject })).expect(201);
    const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(res.body.trackingNumber)]);
    const jobId = `route-${rows[0].id}`;
    // The job as it stood when it failed for good: the sweeper may give it fresh attempts a moment later, whose first
    // failure leaves another reason. Only a final failure sets finishedOn (a retry clears it), and the job's fields
    // are read together, so a copy with finishedOn holds the reason it failed for good with.
    const failed = await waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        return job?.finishedOn && (await job.getState()) === 'failed' ? job : undefined;
      },
      20000,
      'the routing job to fail for good',
    );
    return { res, applicationId: rows[0].id as string, jobId, failedReason: failed.failedReason };
  }

  async function statusOf(applicationId: string): Promise<string> {
    return (await stack.db.query('SELECT status FROM applications WHERE id = $1', [applicationId])).rows[0].status;
  }

  async function routedEvents(trackingNumber: string): Promise<{ reason: string }[]> {
    const { rows } = await stack.db.query(
      `SELECT e.data->>'reason' AS reason FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.tracking_number = $1 AND e.kind = 'routed'`,
      [digits(trackingNumber)],
    );
    return rows;
  }

  it('sends an application the rules fail to place on every attempt to central triage, instead of leaving it unrouted', async () => {
    const allow = await refuseRouting('unroutable', true);
    try {
      const res = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ subject: 'unroutable street flooding' }))
        .expect(201);
      expect(await routedAgencyCode(stack.db, res.body.trackingNumber, 20000)).toBe('TRIAGE');
      expect(await routedEvents(res.body.trackingNumber)).toEqual([{ reason: 'triage_after_failure' }]);
      const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(res.body.trackingNumber)]);
      const job = await waitFor(
        async () => {
          const state = await queue.getJobState(`route-${rows[0].id}`);
          return state === 'completed' ? queue.getJob(`route-${rows[0].id}`) : undefined;
        },
        10000,
        'the routing job to complete',
      );
      // It completed on its last attempt, the one that fell back to triage.
      expect(job?.attemptsMade).toBe(2);

      // Triage staff are told why it came to them.
      const officer = await staffUser(stack.db, stack.apiUrl, 'TRIAGE', ['officer'], { signIn: false });
      const page = await consolePage(stack, await consoleCookie(stack, officer), `/staff/applications/${rows[0].id}`).expect(200);
      expect(page.text).toContain('The routing rules failed on this application, so it came to central triage: transfer it to the agency in charge.');
    } finally {
      await allow();
    }
  });

  it('gives a routing job that failed for good because the database was out of reach fresh attempts', async () => {
    const allow = await refuseRouting('stuck', false, '57P01');
    let allowed = false;
    try {
      const { res, applicationId, failedReason } = await submitUntilRoutingFails('stuck water main');
      expect(await statusOf(applicationId)).toBe('received');
      expect(failedReason).toMatch(/^retry later:/);

      // PostgreSQL accepts the routing again, as after a failover: the sweeper retries the failed job.
      await allow();
      allowed = true;
      expect(await routedAgencyCode(stack.db, res.body.trackingNumber, 20000)).toBe('ISKI-KDK');
      expect(await routedEvents(res.body.trackingNumber)).toEqual([{ reason: 'rule' }]);
    } finally {
      if (!allowed) await allow();
    }
  });

  it('leaves a routing job that failed for another reason, triage included, in the failed set for people to look at', async () => {
    const allow = await refuseRouting('broken', false);
    let allowed = false;
    try {
      const { applicationId, jobId } = await submitUntilRoutingFails('broken hydrant');
      await allow();
      allowed = true;
      // Several sweeps (one a second here) go by without retrying it.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(await queue.getJobState(jobId)).toBe('failed');
      expect((await queue.getJob(jobId))?.failedReason).toBe('routing refused for the test');
      expect(await statusOf(applicationId)).toBe('received');
    } finally {
      if (!allowed) await allow();
    }
  });
});
