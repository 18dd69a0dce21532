import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { NotificationsService } from '@petitio/notifications';
import { ENVIRONMENT, Environment, QueueName, connectedToRedis, isUuid } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from './periodic-sweep';
import { RETRY_LATER } from './routing.processor';

/** Failed routing jobs read per sweep; normally there are none. */
const MOST_FAILED_JOBS_CHECKED = 1000;

/**
 * The safety net under the outbox: jobs live in Redis, which can be lost, so every interval
 * the worker looks in PostgreSQL for applications that should have been routed and messages
 * that should have been sent long ago, and queues them again.
 */
@Injectable()
export class StrandedWorkSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly routing: RoutingService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectQueue(QueueName.Routing) private readonly routingQueue: Queue,
  ) {
    super();
    this.intervalMs = env.ROUTING_SWEEP_INTERVAL_MS;
  }

  protected async sweep(): Promise<void> {
    await this.routing.reemitStranded(this.env.ROUTING_SWEEP_AFTER_SECONDS);
    const messages = await this.notifications.reemitStranded(this.dataSource.manager, this.env.NOTIFY_SWEEP_AFTER_SECONDS);
    if (messages) this.logger.warn({ msg: 're-queued undelivered messages', count: messages });
    // Without Redis the lookups would wait for it and hold up the next sweeps.
    if (await connectedToRedis(this.routingQueue, 1000)) await this.retryFailedRouting();
  }

  /**
   * A routing job that failed for good because PostgreSQL was out of reach for longer than its attempts last (a
   * failover) says so in its reason (RETRY_LATER); its id would keep a re-emitted event out, leaving the application
   * unrouted, so it gets a fresh set of attempts. Other failures (the rules and the triage fallback both failed, or
   * the job kept stalling its worker) stay in the failed set for people to look at.
   */
  private async retryFailedRouting(): Promise<void> {
    const failed = (await this.routingQueue.getFailed(0, MOST_FAILED_JOBS_CHECKED - 1)).filter(
      (job) => job.failedReason?.startsWith(RETRY_LATER) && isUuid(job.data?.aggregateId),
    );
    if (failed.length === 0) return;
    const unrouted = await this.routing.stillReceived(failed.map((job) => job.data.aggregateId));
    let retried = 0;
    for (const job of failed) {
      if (!unrouted.has(job.data.aggregateId.toLowerCase())) continue;
      try {
        await job.retry('failed', { resetAttemptsMade: true });
        retried++;
      } catch {
        // Another worker's sweep retried it first, or it was removed meanwhile.
      }
    }
    if (retried) this.logger.warn({ msg: 'retried routing jobs that failed while the database was out of reach', count: retried });
  }
}
