import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { NotificationsService } from '@petitio/notifications';
import { ENVIRONMENT, Environment, QueueName, connectedToRedis } from '@petitio/platform';
import { RoutingService } from '@petitio/routing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from './periodic-sweep';
import { routingJobId } from './routing.processor';

/** Stranded applications looked up in Redis per sweep; normally there are none. */
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
   * A routing job fails for good only when even its fallback to central triage failed, which in practice means
   * PostgreSQL was out of reach for longer than all its attempts (a failover). Its id would keep a re-emitted event
   * out, leaving the application unrouted, so the job is given a fresh set of attempts instead.
   */
  private async retryFailedRouting(): Promise<void> {
    const ids = await this.routing.strandedIds(this.env.ROUTING_SWEEP_AFTER_SECONDS, MOST_FAILED_JOBS_CHECKED);
    let retried = 0;
    for (const id of ids) {
      const job = await this.routingQueue.getJob(routingJobId(id));
      if (job && (await job.isFailed())) {
        await job.retry('failed', { resetAttemptsMade: true });
        retried++;
      }
    }
    if (retried) this.logger.warn({ msg: 'retried routing jobs that had failed for good', count: retried });
  }
}
