import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import { Environment } from '../config/environment';
import { outageAwareBackoff } from './outage-aware-backoff';

/** Every BullMQ queue in Petitio. A queue name is a contract between the relay and its worker. */
export const QueueName = {
  Routing: 'routing',
  Notifications: 'notifications',
  Assignment: 'assignment',
  Acknowledgement: 'acknowledgement',
  Deadlines: 'deadlines',
  /** Delayed jobs, one per running SLA clock: its next warning, breach or re-escalation. */
  Escalations: 'escalations',
  /** Open clocks moved onto a changed SLA policy, in batches. */
  SlaPolicyChanges: 'sla-policy-changes',
  /** Webhook fan-outs (one per history line of a subscribed kind) and delivery attempts. */
  Webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Connection for producers (the outbox relay, health checks): fail fast when Redis is down, never queue commands in memory. */
export function producerRedisOptions(env: Environment): RedisOptions {
  return {
    ...parseRedisUrl(env.REDIS_URL),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
}

/** Connection for workers: BullMQ requires blocking commands to wait through reconnects. */
export function workerRedisOptions(env: Environment): RedisOptions {
  return {
    ...parseRedisUrl(env.REDIS_URL),
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
}

/**
 * Whether a BullMQ queue or worker is connected to Redis, waiting at most `waitMs` for it. BullMQ itself
 * waits without limit for a connection that was never established (Redis down since it was created),
 * so whoever must not hang (the relay, a scrape, a shutdown) asks first.
 */
export async function connectedToRedis(bull: { backend: { client: Promise<unknown> } }, waitMs: number): Promise<boolean> {
  const client = await Promise.race([bull.backend.client, sleep(waitMs, undefined, { ref: false })]).catch(() => undefined);
  return (client as { status?: string } | undefined)?.status === 'ready';
}

/** The same settings, typed for BullMQ's constructors. */
export function forBullMq(options: RedisOptions): ConnectionOptions {
  return options as ConnectionOptions;
}

export function parseRedisUrl(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * Options every queue worker shares. BullMQ fails a job for good once it stalled (its worker died
 * mid-job) more than `maxStalledCount` times; the default of 1 would leave an application unrouted
 * after two unlucky crashes, and our handlers are idempotent, so a few more tries are safe. How soon
 * a dead worker's jobs go to another one is `lockDuration` + up to `stalledInterval` (30 s each by
 * default). Decorators read these when the worker module loads, after the settings were validated.
 */
export const WORKER_OPTIONS = {
  maxStalledCount: 5,
  lockDuration: Number(process.env.WORKER_LOCK_MS ?? 30_000),
  stalledInterval: Number(process.env.WORKER_STALLED_CHECK_MS ?? 30_000),
  settings: { backoffStrategy: outageAwareBackoff },
};
