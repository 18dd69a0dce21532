import { Inject, Injectable } from '@nestjs/common';
import { formatTrackingNumber } from '@petitio/applications';
import { ENVIRONMENT, Environment, NotFoundError } from '@petitio/platform';
import { IDENTITY_COLUMNS, IDENTITY_JOIN, IdentityVault, SealedIdentityColumns } from '@petitio/privacy';
import { DataSource } from 'typeorm';
import { DUE_COLUMNS, DueDelivery } from './webhook-deliveries';
import { WebhookEventType, WebhookPayload } from './webhook-events';

interface EventRow extends SealedIdentityColumns {
  applicationId: string;
  occurredAt: Date;
  fromAgencyId: string | null;
  toAgencyId: string | null;
  data: Record<string, unknown>;
  trackingNumber: string;
  applicationType: string;
  topic: string | null;
  status: string;
  agencyId: string | null;
  agencyCode: string | null;
  confidential: boolean;
}

/**
 * Turns one history line into one delivery per subscription that wants its type and covers the agencies it
 * concerns (a transfer concerns the agency left and the one reached). The body is fixed here, once: every attempt
 * and replay sends the same bytes under the same webhook id. Running it twice adds nothing.
 */
@Injectable()
export class WebhookFanOut {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly vault: IdentityVault,
  ) {}

  /** The ids of the event's deliveries still to send (new or left by an earlier run), for the caller to queue. */
  async fanOut(historyId: string, type: WebhookEventType): Promise<DueDelivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const [event]: EventRow[] = await manager.query(
        `SELECT e.application_id AS "applicationId", e.occurred_at AS "occurredAt", e.from_agency_id AS "fromAgencyId",
           e.to_agency_id AS "toAgencyId", e.data, a.tracking_number AS "trackingNumber", a.type_code AS "applicationType",
           t.code AS topic, coalesce(e.to_status, a.status) AS status, g.id AS "agencyId", g.code AS "agencyCode", a.confidential,
           ${IDENTITY_COLUMNS}
         FROM application_events e JOIN applications a ON a.id = e.application_id ${IDENTITY_JOIN}
         LEFT JOIN topics t ON t.id = a.topic_id LEFT JOIN agencies g ON g.id = coalesce(e.to_agency_id, a.assigned_agency_id)
         WHERE e.id = $1`,
        [historyId],
      );
      if (!event) throw new NotFoundError('APPLICATION_NOT_FOUND');
      const concerned = [...new Set([event.fromAgencyId, event.toAgencyId, event.agencyId].filter((id): id is string => !!id))];
      const subscriptions: { id: string; includeIdentity: boolean }[] = await manager.query(
        `SELECT s.id, s.include_identity AS "includeIdentity" FROM webhook_subscriptions s
         WHERE s.status = 'active' AND $1 = ANY(s.events)
           AND (s.agency_id IS NULL OR EXISTS (SELECT 1 FROM agency_subtree(s.agency_id) t WHERE t.id = ANY($2::uuid[])))`,
        [type, concerned],
      );
      for (const subscription of subscriptions) {
        await manager.query(
          `INSERT INTO webhook_deliveries (subscription_id, application_event_id, application_id, event_type, payload)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT ON CONSTRAINT webhook_deliveries_once DO NOTHING`,
          [subscription.id, historyId, event.applicationId, type, JSON.stringify(await this.payload(type, event, subscription.includeIdentity))],
        );
      }
      return manager.query(`SELECT ${DUE_COLUMNS} FROM webhook_deliveries d WHERE d.application_event_id = $1 AND d.status = 'pending'`, [historyId]);
    });
  }

  /**
   * What the receiver learns: which application, what happened, where it stood then, and the link to read it with
   * an agency key. No text the citizen wrote; the citizen's identity only where the subscription is allowed it
   * and the citizen did not file in confidence.
   */
  private async payload(type: WebhookEventType, event: EventRow, includeIdentity: boolean): Promise<WebhookPayload> {
    const data: Record<string, unknown> = {
      applicationId: event.applicationId,
      trackingNumber: formatTrackingNumber(event.trackingNumber),
      applicationType: event.applicationType,
      topic: event.topic,
      status: event.status,
      agency: event.agencyId ? { id: event.agencyId, code: event.agencyCode } : null,
      url: `${this.env.PUBLIC_BASE_URL}/api/v1/staff/applications/${event.applicationId}`,
    };
    if (type === 'application.transferred') Object.assign(data, { fromAgencyId: event.fromAgencyId, toAgencyId: event.toAgencyId });
    if (type === 'deadline.warning' || type === 'deadline.breached') Object.assign(data, { deadline: { kind: event.data.kind, at: event.data.deadline } });
    if (includeIdentity && !event.confidential) {
      data.citizen = await this.vault.openRow(event);
    }
    return { type, timestamp: event.occurredAt.toISOString(), data };
  }
}
