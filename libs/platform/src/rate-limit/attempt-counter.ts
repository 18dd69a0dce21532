import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';
import { producerRedisOptions } from '../queue/queues';

export interface WindowCount {
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters shared by every api process through Redis. When Redis is
 * unreachable each process counts alone in memory: limits get looser, intake keeps working.
 */
@Injectable()
export class AttemptCounter implements OnApplicationShutdown {
  private readonly logger = new Logger(AttemptCounter.name);
  private readonly redis: Redis;
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private degraded = false;

  constructor(@Inject(ENVIRONMENT) env: Environment) {
    this.redis = new Redis({ ...producerRedisOptions(env), lazyConnect: true, keyPrefix: `${env.QUEUE_PREFIX}:limits:` });
    this.redis.on('error', () => undefined);
    this.redis.connect().catch(() => undefined);
  }

  /** Adds one to `key` in a window of `windowSeconds` and returns the new count. */
  async increment(key: string, windowSeconds: number): Promise<WindowCount> {
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').ttl(key).exec()) as [
        [null, number],
        [null, number],
        [null, number],
      ];
      this.recovered();
      return { count, retryAfterSeconds: Math.max(Number(ttl), 1) };
    } catch {
      return this.incrementLocally(key, windowSeconds);
    }
  }

  /** The current count without adding to it. */
  async peek(key: string, windowSeconds: number): Promise<WindowCount> {
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().get(key).ttl(key).exec()) as [[null, string | null], [null, number]];
      this.recovered();
      return { count: Number(count ?? 0), retryAfterSeconds: Math.max(Number(ttl), 1) };
    } catch {
      this.degrade();
      const entry = this.local.get(key);
      const now = Date.now();
      if (!entry || entry.resetAt <= now) return { count: 0, retryAfterSeconds: windowSeconds };
      return { count: entry.count, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  private incrementLocally(key: string, windowSeconds: number): WindowCount {
    this.degrade();
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.local.set(key, entry);
    }
    entry.count += 1;
    if (this.local.size > 100_000) this.sweep(now);
    return { count: entry.count, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
  }

  private sweep(now: number): void {
    for (const [k, v] of this.local) if (v.resetAt <= now) this.local.delete(k);
  }

  private degrade(): void {
    if (!this.degraded) this.logger.warn('Redis unreachable: rate limits are counted per process until it returns');
    this.degraded = true;
  }

  private recovered(): void {
    if (this.degraded) this.logger.log('Redis reachable again: rate limits are shared');
    this.degraded = false;
    this.local.clear();
  }
}
