import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, ENVIRONMENT, Environment, FieldProblem, ForbiddenError, InvalidInputError, NotFoundError, OutboxWriter, isUuid } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { WEBHOOK_EVENT_TYPES, WebhookEventType, freshRoundEvent } from './webhook-events';
import { newWebhookSecret } from './webhook-signing';

export interface WebhookSubscription {
  id: string;
  /** Null: the center's, for every agency. */
  agencyId: string | null;
  url: string;
  events: WebhookEventType[];
  includeIdentity: boolean;
  status: 'active' | 'disabled';
  disabledReason: 'by_staff' | 'failing' | null;
  disabledAt: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
}

export interface NewWebhookSubscription {
  url: string;
  events: string[];
  agencyId?: string | null;
  includeIdentity?: boolean;
}

const COLUMNS = `s.id, s.agency_id AS "agencyId", s.url, s.events, s.include_identity AS "includeIdentity", s.status,
  s.disabled_reason AS "disabledReason", s.disabled_at AS "disabledAt", s.previous_secret_expires_at AS "previousSecretExpiresAt",
  s.created_at AS "createdAt"`;

/**
 * Who may tell which receiver about what: center admins subscribe for any agency or for the center (every agency),
 * and allow a subscription the citizen's identity; an agency's supervisors subscribe for their own agency.
 * A secret is shown when made (on subscribing and on rotation) and never listed.
 */
@Injectable()
export class WebhookSubscriptions {
  private readonly logger = new Logger(WebhookSubscriptions.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async subscribe(principal: StaffPrincipal, input: NewWebhookSubscription): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const problems = [...this.urlProblems(input.url), ...eventProblems(input.events)];
    if (problems.length) throw new InvalidInputError(problems);
    const agencyId = input.agencyId ?? null;
    if (!hasRole(principal, 'center_admin')) {
      if (agencyId !== principal.agencyId) throw new ForbiddenError('FORBIDDEN:own_agency_webhooks');
      if (input.includeIdentity) throw new ForbiddenError('FORBIDDEN:center_admin_allows_identity');
    }
    if (agencyId) {
      // A form can send anything: what is no uuid names no agency (and must not reach PostgreSQL as one).
      const agency: unknown[] = isUuid(agencyId) ? await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1 AND active', [agencyId]) : [];
      if (agency.length === 0) throw new InvalidInputError([{ field: 'agencyId', code: 'unknown' }]);
    }
    const secret = newWebhookSecret();
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (agency_id, url, events, include_identity, secret, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [agencyId, input.url, [...new Set(input.events)], input.includeIdentity ?? false, secret, principal.apiClientId ? null : principal.userId],
    );
    this.logger.log({ msg: 'webhook subscription created', subscriptionId: row.id, agencyId });
    return { subscription: await this.find(principal, row.id), secret };
  }

  list(principal: StaffPrincipal): Promise<WebhookSubscription[]> {
    const params: unknown[] = [];
    return this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_subscriptions s WHERE ${this.reach(principal, params)} ORDER BY s.created_at DESC`, params);
  }

  async find(principal: StaffPrincipal, id: string): Promise<WebhookSubscription> {
    const params: unknown[] = [id];
    const [row]: WebhookSubscription[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions s WHERE s.id = $1 AND ${this.reach(principal, params)}`,
      params,
    );
    if (!row) throw new NotFoundError('WEBHOOK_SUBSCRIPTION_NOT_FOUND');
    return row;
  }

  /**
   * A new secret signs from now on; the one it replaces keeps signing beside it for `overlapHours`
   * (WEBHOOK_SECRET_OVERLAP_HOURS by default), so the receiver can switch without losing a delivery.
   */
  async rotateSecret(
    principal: StaffPrincipal,
    id: string,
    overlapHours = this.env.WEBHOOK_SECRET_OVERLAP_HOURS,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    await this.find(principal, id);
    const secret = newWebhookSecret();
    const until = new Date(this.clock.now().getTime() + overlapHours * 3600_000);
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires_at = $3, secret = $2, updated_at = now() WHERE id = $1`,
      [id, secret, until],
    );
    this.logger.log({ msg: 'webhook secret rotated', subscriptionId: id, overlapHours });
    return { subscription: await this.find(principal, id), secret };
  }

  /** Switched off by staff (deliveries wait), or back on, which forgets why it was off and resumes what waited. */
  async setActive(principal: StaffPrincipal, id: string, active: boolean): Promise<WebhookSubscription> {
    await this.find(principal, id);
    if (active) await this.switchOn(id);
    else
      await this.dataSource.query(
        `UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = 'by_staff', disabled_at = $2, updated_at = now() WHERE id = $1 AND status = 'active'`,
        [id, this.clock.now()],
      );
    return this.find(principal, id);
  }

  /**
   * Switched back on, a subscription resumes the deliveries left pending while it was off: each gets a fresh round
   * from now, queued through the outbox in the same transaction. (Their attempts that fell due meanwhile were skipped
   * and their jobs are done, so a sweep alone would never send them.)
   */
  private async switchOn(id: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const switched: unknown[] = await manager.query(
        `WITH switched AS (UPDATE webhook_subscriptions SET status = 'active', disabled_reason = NULL, disabled_at = NULL, updated_at = now()
         WHERE id = $1 AND status = 'disabled' RETURNING id) SELECT id FROM switched`,
        [id],
      );
      if (switched.length === 0) return;
      const resumed: { id: string; nextAttemptAt: Date }[] = await manager.query(
        `WITH resumed AS (UPDATE webhook_deliveries SET next_attempt_at = $2, attempts = 0, locked_until = NULL
         WHERE subscription_id = $1 AND status = 'pending' AND (locked_until IS NULL OR locked_until < $2)
         RETURNING id, next_attempt_at AS "nextAttemptAt") SELECT * FROM resumed`,
        [id, now],
      );
      if (resumed.length) await this.outbox.append(manager, resumed.map(freshRoundEvent));
      this.logger.log({ msg: 'webhook subscription switched on', subscriptionId: id, resumedDeliveries: resumed.length });
    });
  }

  /** The subscriptions a principal may see: all for the center, their agency's for the agency. */
  reach(principal: StaffPrincipal, params: unknown[]): string {
    if (hasRole(principal, 'center_admin')) return 'TRUE';
    params.push(principal.agencyId);
    return `s.agency_id = $${params.length}::uuid`;
  }

  private urlProblems(value: unknown): FieldProblem[] {
    if (typeof value !== 'string' || value.length > 2000) return [{ field: 'url', code: 'webhook_url' }];
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return [{ field: 'url', code: 'webhook_url' }];
    }
    const schemes = this.env.WEBHOOK_ALLOW_HTTP ? ['https:', 'http:'] : ['https:'];
    // Credentials in a URL end up in logs and lists; the signature is what proves the sender.
    if (!schemes.includes(url.protocol) || url.username || url.password) return [{ field: 'url', code: 'webhook_url' }];
    return [];
  }
}

function eventProblems(events: unknown): FieldProblem[] {
  const valid = Array.isArray(events) && events.length > 0 && events.every((e) => (WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(e));
  return valid ? [] : [{ field: 'events', code: 'isIn', args: { allowed: WEBHOOK_EVENT_TYPES.join(', ') } }];
}
