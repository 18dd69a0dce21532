import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { forBullMq, parseRedisUrl } from '@petitio/platform';
import { routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';

describe('the routing safety net', () => {
  let stack: TestStack;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    stack = await startStack({ env: { ROUTING_SWEEP_INTERVAL_MS: '1000', ROUTING_SWEEP_AFTER_SECONDS: '2' } });
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
});
