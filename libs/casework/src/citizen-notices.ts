import { Injectable } from '@nestjs/common';
import { MessageTemplate, NotificationChannelName, NotificationsService } from '@petitio/notifications';
import { formatTrackingNumber } from '@petitio/applications';
import type { ChangeContext, LockedApplication } from './application-changes';

/**
 * The channel a citizen is reached on: the one they wrote from if it can carry a reply, else any contact they gave,
 * else the status page. Only the channel is recorded; delivery reads the contact itself from the identity vault.
 */
export function citizenChannel(app: Pick<LockedApplication, 'channel' | 'citizenPhone' | 'citizenEmail'>): NotificationChannelName {
  if ((app.channel === 'sms' || app.channel === 'voice') && app.citizenPhone) return 'sms';
  if (app.channel === 'email' && app.citizenEmail) return 'email';
  if (app.citizenEmail) return 'email';
  if (app.citizenPhone) return 'sms';
  return 'web';
}

/** Templates whose message carries the staff's words themselves, so a citizen on a feature phone can read them. */
const BODY_TRAVELS = new Set<MessageTemplate>(['application_answered', 'information_requested', 'interim_answer', 'deadline_extended']);

export interface CitizenNotice {
  template: MessageTemplate;
  /** The words staff wrote (a question, an answer), shown on the status page and sent when the channel allows. */
  body?: string;
  /** Kind of the message in the application's conversation, e.g. information_request, answer, transfer_notice. */
  kind: string;
  params?: Record<string, string | number | null>;
  authorStaffId?: string | null;
}

/**
 * Tells the citizen about their application, inside the change's transaction: the message joins
 * the application's conversation (so the status page and the console show it) and is queued for
 * delivery on the citizen's channel.
 */
@Injectable()
export class CitizenNotices {
  constructor(private readonly notifications: NotificationsService) {}

  async send(ctx: ChangeContext, notice: CitizenNotice): Promise<void> {
    const channel = citizenChannel(ctx.app);
    await ctx.manager.query(
      `INSERT INTO application_messages (application_id, direction, kind, channel, body, author_staff_id, created_at)
       VALUES ($1, 'to_citizen', $2, $3, $4, $5, $6)`,
      [ctx.app.id, notice.kind, channel, notice.body ?? '', notice.authorStaffId ?? null, ctx.now],
    );
    await this.notifications.request(ctx.manager, [
      {
        channel,
        toCitizen: true,
        template: notice.template,
        language: ctx.app.language,
        applicationId: ctx.app.id,
        // Only an answer, a question, a progress update or an extension's reason travels in the message; other texts live in the conversation alone.
        params: {
          trackingNumber: formatTrackingNumber(ctx.app.trackingNumber),
          ...(notice.body && BODY_TRAVELS.has(notice.template) ? { body: notice.body } : {}),
          ...notice.params,
        },
      },
    ]);
  }
}
