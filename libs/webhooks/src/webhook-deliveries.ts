import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import { Clock, ENVIRONMENT, Environment, NotFoundError, OutboxWriter } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource, EntityManager } from 'typeorm';
import { freshRoundEvent } from './webhook-events';
import { signedHeaders, webhookId } from './webhook-signing';
import { WebhookSubscriptions } from './webhook-subscriptions';

/** A delivery whose next attempt is due at `nextAttemptAt`: what a job is queued for. */
export interface DueDelivery {
  id: string;
  attempts: number;
  nextAttemptAt: Date;
}
export const DUE_COLUMNS = `d.id, d.attempts, d.next_attempt_at AS "nextAttemptAt"`;

/** One job per attempt: a replay (a new round from attempt 0) or a retry is a new job, a sweep's re-queue the same one. */
export function deliveryJobId(delivery: DueDelivery): string {
  return `webhook-delivery-${delivery.id}-${delivery.attempts}-${delivery.nextAttemptAt.getTime()}`;
}

export type AttemptOutcome =
  | { outcome: 'delivered' | 'skipped' }
  | { outcome: 'retry'; next: DueDelivery }
  | { outcome: 'gave_up'; attempt: number }
  /** Another worker holds it (a stalled job run twice): that worker finishes it. */
  | { outcome: 'busy' };

interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  subscriptionActive: boolean;
  createdBy: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  eventType: string;
  applicationId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: { at: Date; statusCode: number | null; error: string | null; durationMs: number }[];
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
}

/** The longest wait between two attempts: past it, retries come every six hours until the attempts run out. */
const LONGEST_WAIT_SECONDS = 6 * 3600;

/**
 * Sends deliveries: one attempt at a time, signed, with its outcome kept. A receiver that answers 2xx has it;
 * anything else (an error status, a redirect, a refusal, a timeout) is tried again later, with waits that double
 * from WEBHOOK_RETRY_BASE_SECONDS, until WEBHOOK_ATTEMPTS are spent (by default about a day and a half). Then the
 * delivery has failed, the subscription is switched off, and whoever made it is told by email.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async attempt(deliveryId: string): Promise<AttemptOutcome> {
    const delivery = await this.claim(deliveryId);
    if (delivery === 'busy' || delivery === 'done') return delivery === 'busy' ? { outcome: 'busy' } : { outcome: 'skipped' };
    if (!delivery.subscriptionActive) {
      await this.release(deliveryId);
      return { outcome: 'skipped' };
    }
    const attempt = delivery.attempts + 1;
    const { statusCode, error, durationMs } = await this.send(delivery);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)', [
        deliveryId,
        now,
        statusCode,
        error,
        durationMs,
      ]);
      if (!error) {
        await manager.query(`UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, delivered_at = $3, locked_until = NULL WHERE id = $1`, [
          deliveryId,
          attempt,
          now,
        ]);
        return { outcome: 'delivered' as const };
      }
      if (attempt >= this.env.WEBHOOK_ATTEMPTS) {
        await manager.query(`UPDATE webhook_deliveries SET status = 'failed', attempts = $2, locked_until = NULL WHERE id = $1`, [deliveryId, attempt]);
        const disabled: { id: string }[] = await manager.query(
          `WITH disabled AS (UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = 'failing', disabled_at = $2, updated_at = now()
           WHERE id = $1 AND status = 'active' RETURNING id) SELECT id FROM disabled`,
          [delivery.subscriptionId, now],
        );
        if (disabled.length) await this.tellOwner(manager, delivery, attempt);
        this.logger.warn({ msg: 'webhook delivery failed for good; subscription disabled', deliveryId, subscriptionId: delivery.subscriptionId });
        return { outcome: 'gave_up' as const, attempt };
      }
      const waitSeconds = Math.min(this.env.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempt - 1), LONGEST_WAIT_SECONDS);
      const nextAttemptAt = new Date(now.getTime() + waitSeconds * 1000);
      await manager.query(`UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = $3, locked_until = NULL WHERE id = $1`, [
        deliveryId,
        attempt,
        nextAttemptAt,
      ]);
      return { outcome: 'retry' as const, next: { id: deliveryId, attempts: attempt, nextAttemptAt } };
    });
  }

  /**
   * Sends a delivery again from the console or the API: a fresh round of attempts under the same webhook id,
   * queued through the outbox in the same transaction.
   */
  async replay(principal: StaffPrincipal, deliveryId: string): Promise<DueDelivery & { subscriptionId: string }> {
    const params: unknown[] = [deliveryId];
    params.push(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const rows: (DueDelivery & { subscriptionId: string })[] = await manager.query(
        `WITH replayed AS (UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = $${params.length}, delivered_at = NULL, locked_until = NULL, attempts = 0
       FROM webhook_subscriptions s WHERE d.id = $1 AND s.id = d.subscription_id AND ${this.subscriptions.reach(principal, params)}
       RETURNING ${DUE_COLUMNS}, d.subscription_id AS "subscriptionId") SELECT * FROM replayed`,
        params,
      );
      if (rows.length === 0) throw new NotFoundError('WEBHOOK_DELIVERY_NOT_FOUND');
      await this.outbox.append(manager, [freshRoundEvent(rows[0])]);
      return rows[0];
    });
  }

  /** A subscription's latest deliveries, each with every attempt. */
  async list(principal: StaffPrincipal, subscriptionId: string, limit = 50): Promise<WebhookDeliveryView[]> {
    await this.subscriptions.find(principal, subscriptionId);
    const rows: (Omit<WebhookDeliveryView, 'webhookId'> & { attempts: WebhookDeliveryView['attempts'] })[] = await this.dataSource.query(
      `SELECT d.id, d.event_type AS "eventType", d.application_id AS "applicationId", d.status, d.created_at AS "createdAt",
         d.delivered_at AS "deliveredAt", CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS "nextAttemptAt",
         coalesce((SELECT json_agg(json_build_object('at', a.attempted_at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.id)
                   FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS attempts
       FROM webhook_deliveries d WHERE d.subscription_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [subscriptionId, limit],
    );
    return rows.map((row) => ({ ...row, webhookId: webhookId(row.id) }));
  }

  /** Deliveries whose attempt is long overdue, as when Redis lost their jobs: for the sweeper to queue again. */
  async overdue(olderThanSeconds: number, limit = 1000): Promise<DueDelivery[]> {
    return this.dataSource.query(
      // A switched-off subscription's deliveries wait for it to be switched on (which queues them); sweeping them
      // would only fill every sweep's batch with jobs that skip.
      `SELECT ${DUE_COLUMNS} FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.status = 'active'
       WHERE d.status = 'pending' AND d.next_attempt_at < $1 AND (d.locked_until IS NULL OR d.locked_until < $2) ORDER BY d.next_attempt_at LIMIT $3`,
      [new Date(this.clock.now().getTime() - olderThanSeconds * 1000), this.clock.now(), limit],
    );
  }

  /** Takes the delivery for one attempt, for as long as the attempt may take; 'busy' when another worker has it. */
  private async claim(deliveryId: string): Promise<ClaimedDelivery | 'busy' | 'done'> {
    const now = this.clock.now();
    // Past the timeout, an attempt that holds it still is one whose worker died: another may take it a little later.
    const until = new Date(now.getTime() + this.env.WEBHOOK_TIMEOUT_MS + 5000);
    const rows: ClaimedDelivery[] = await this.dataSource.query(
      // In a CTE so the driver returns the rows, not [rows, count] as it does for a bare UPDATE.
      `WITH claimed AS (UPDATE webhook_deliveries d SET locked_until = $3
       FROM webhook_subscriptions s
       WHERE d.id = $1 AND s.id = d.subscription_id AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until < $2)
       RETURNING d.id, d.subscription_id AS "subscriptionId", d.event_type AS "eventType", d.payload, d.attempts, s.url,
         s.secret, CASE WHEN s.previous_secret_expires_at > $2 THEN s.previous_secret END AS "previousSecret",
         s.status = 'active' AS "subscriptionActive", s.created_by AS "createdBy") SELECT * FROM claimed`,
      [deliveryId, now, until],
    );
    if (rows[0]) return rows[0];
    const [state]: { status: string }[] = await this.dataSource.query('SELECT status FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    return state?.status === 'pending' ? 'busy' : 'done';
  }

  private async release(deliveryId: string): Promise<void> {
    await this.dataSource.query('UPDATE webhook_deliveries SET locked_until = NULL WHERE id = $1', [deliveryId]);
  }

  /** One POST, signed; never follows a redirect (the subscription names where deliveries go). Errors in our words. */
  private async send(delivery: ClaimedDelivery): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
    const body = JSON.stringify(delivery.payload);
    const secrets = [delivery.secret, ...(delivery.previousSecret ? [delivery.previousSecret] : [])];
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Petitio-Webhooks/1',
      ...signedHeaders(secrets, webhookId(delivery.id), this.clock.now(), body),
    };
    const started = Date.now();
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.env.WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { statusCode: response.status, error: ok ? null : `status ${response.status}`, durationMs: Date.now() - started };
    } catch (error) {
      const name = (error as Error).name;
      const words =
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : `unreachable: ${((error as Error).cause as { code?: string })?.code ?? name}`;
      return { statusCode: null, error: words, durationMs: Date.now() - started };
    }
  }

  /** The email to whoever made the subscription, when there is such a person still active. */
  private async tellOwner(manager: EntityManager, delivery: ClaimedDelivery, attempts: number): Promise<void> {
    if (!delivery.createdBy) return;
    const [owner]: { email: string; language: string }[] = await manager.query(`SELECT email, language FROM staff_users WHERE id = $1 AND status = 'active'`, [
      delivery.createdBy,
    ]);
    if (!owner) return;
    await this.notifications.request(manager, [
      {
        channel: 'email',
        recipient: owner.email,
        template: 'staff_webhook_disabled',
        language: owner.language,
        params: { subscriptionId: delivery.subscriptionId, host: new URL(delivery.url).host, attempts },
        staffUserId: delivery.createdBy,
      },
    ]);
  }
}
