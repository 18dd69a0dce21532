import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, with the metrics every process shares. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'petitio_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'petitio_http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly jobsProcessed = new Counter({
    name: 'petitio_jobs_processed_total',
    help: 'Queue jobs finished, by queue and outcome (completed, failed, retried)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'petitio_queue_jobs',
    help: 'Jobs in each queue by state, read when scraped',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({
    name: 'petitio_outbox_backlog',
    help: 'Domain events committed but not yet handed to a queue, read when scraped',
    registers: [this.registry],
  });

  readonly escalationsFired = new Counter({
    name: 'petitio_escalations_fired_total',
    help: 'SLA escalation steps fired, by what fired them: its timer, or the sweeper because the timer was lost',
    labelNames: ['fired_by'] as const,
    registers: [this.registry],
  });

  readonly dashboardRefresh = new Histogram({
    name: 'petitio_dashboard_refresh_seconds',
    help: 'Time of one refresh of the dashboard rollups (a transaction recomputing up to a month of days); it should stay well under DASHBOARD_REFRESH_MS',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly intakeBatchSize = new Histogram({
    name: 'petitio_intake_batch_size',
    help: 'Applications stored together in one intake statement: submissions that arrived while the earlier ones were being written',
    buckets: [1, 2, 5, 10, 20, 50, 100],
    registers: [this.registry],
  });

  readonly routingBatchSize = new Histogram({
    name: 'petitio_routing_batch_size',
    help: 'Applications routed together in one transaction: routing jobs that were running at the same time',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'petitio_' });
  }
}
