import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ENVIRONMENT, Environment, Metrics, QueueName, connectedToRedis, forBullMq, producerRedisOptions } from '@petitio/platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Reads queue depths and the outbox backlog when Prometheus scrapes, not on a timer. */
@Injectable()
export class QueueDepthCollector implements OnModuleInit, OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) env: Environment,
  ) {
    this.queues = Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: forBullMq(producerRedisOptions(env)), prefix: env.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  onModuleInit(): void {
    const { queues, dataSource } = this;
    const depth = this.metrics.queueDepth;
    const backlog = this.metrics.outboxBacklog;
    // prom-client calls collect() on each scrape.
    (depth as unknown as { collect: () => Promise<void> }).collect = async () => {
      depth.reset();
      for (const queue of queues) {
        try {
          // A queue that never reached Redis would hold the scrape until Redis returns.
          if (!(await connectedToRedis(queue, 500))) continue;
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          for (const [state, n] of Object.entries(counts)) depth.set({ queue: queue.name, state }, n);
        } catch {
          // Redis down: report nothing rather than stale numbers.
        }
      }
    };
    (backlog as unknown as { collect: () => Promise<void> }).collect = async () => {
      try {
        const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox_events');
        backlog.set(n);
      } catch {
        backlog.reset();
      }
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }
}
