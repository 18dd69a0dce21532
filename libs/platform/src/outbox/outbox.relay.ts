import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';
import { connectedToRedis, forBullMq, producerRedisOptions } from '../queue/queues';
import { OutboxEvent } from './outbox-event';
import { OutboxSubscriptions } from './outbox-subscriptions';

const CONNECT_WAIT_MS = 2000;

interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Moves committed outbox events into BullMQ. Several relays may run (one per worker process):
 * `FOR UPDATE SKIP LOCKED` gives each a disjoint batch, and rows are deleted only after
 * Redis accepted the jobs. A crash in between republishes with the same job ids, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: OutboxSubscriptions,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayBatch();
        if (this.failures > 0) this.logger.log({ msg: 'outbox relay recovered', afterFailures: this.failures });
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        // Log once per outage streak, not on every retry.
        if (this.failures === 1) this.logger.warn({ msg: 'outbox relay cannot publish; will retry', err: describe(error) });
      }
      if (moved >= this.env.OUTBOX_BATCH_SIZE) continue;
      const wait = this.failures > 0 ? Math.min(250 * 2 ** Math.min(this.failures, 4), 5000) : this.env.OUTBOX_POLL_MS;
      await this.sleep(wait);
    }
  }

  /** Publishes one batch; returns how many events it moved. */
  async relayBatch(): Promise<number> {
    const replacedByQueue = new Map<string, string[]>();
    const moved = await this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, aggregate_id, payload, created_at FROM outbox_events
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.env.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const jobsByQueue = new Map<string, Parameters<Queue['addBulk']>[0]>();
      for (const row of rows) {
        const event: OutboxEvent = {
          id: String(row.id),
          topic: row.topic,
          aggregateId: row.aggregate_id,
          payload: row.payload,
          createdAt: row.created_at,
        };
        for (const sub of this.subscriptions.for(event.topic)) {
          const jobs = jobsByQueue.get(sub.queue) ?? [];
          const delay = sub.delayMs ? Math.max(0, Math.round(sub.delayMs(event))) : 0;
          if (sub.publishes?.(event) !== false) {
            jobs.push({
              name: sub.jobName,
              data: { eventId: event.id, aggregateId: event.aggregateId, ...event.payload },
              opts: { ...sub.options, jobId: sub.jobId(event), ...(delay > 0 ? { delay } : {}) },
            });
          }
          jobsByQueue.set(sub.queue, jobs);
          const replaced = sub.replaces?.(event);
          if (replaced) replacedByQueue.set(sub.queue, [...(replacedByQueue.get(sub.queue) ?? []), replaced]);
        }
      }
      // addBulk on a queue that has never reached Redis waits for it forever, holding this transaction: ask first, all at once.
      const queues = [...jobsByQueue.keys()].map((name) => ({ name, queue: this.queue(name) }));
      const connected = await Promise.all(queues.map(({ queue }) => connectedToRedis(queue, CONNECT_WAIT_MS)));
      const down = queues.filter((_, i) => !connected[i]);
      if (down.length) {
        // A connection that failed while Redis was away is replaced rather than trusted to come back by itself.
        for (const { name } of down) this.retire(name);
        throw new Error(`queue ${down.map((q) => q.name).join(', ')} is not connected to Redis`);
      }
      for (const { name, queue } of queues) {
        const jobs = jobsByQueue.get(name)!;
        if (jobs.length) await queue.addBulk(jobs);
      }
      await manager.query('DELETE FROM outbox_events WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      this.published += rows.length;
      return rows.length;
    });
    await this.removeSuperseded(replacedByQueue);
    return moved;
  }

  /**
   * Superseded timers go after the commit, all at once (ioredis pipelines them): one by one inside the batch they
   * held up every other event while thousands of deadlines moved. One left behind by a crash only fires stale.
   */
  private async removeSuperseded(replacedByQueue: Map<string, string[]>): Promise<void> {
    const removals = [...replacedByQueue].flatMap(([queueName, ids]) =>
      ids.map((id) =>
        this.queue(queueName)
          .remove(id)
          .catch(() => 0),
      ),
    );
    await Promise.all(removals);
  }

  private retire(name: string): void {
    const queue = this.queues.get(name);
    this.queues.delete(name);
    void queue?.disconnect().catch(() => undefined);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: forBullMq(producerRedisOptions(this.env)), prefix: this.env.QUEUE_PREFIX });
      queue.on('error', () => undefined); // connection errors surface through addBulk and are handled there
      this.queues.set(name, queue);
    }
    return queue;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
