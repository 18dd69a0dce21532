import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import { CitizenProof } from '@petitio/intake';
import { ApplicationChanges } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { requiredText } from './required-text';

export const REPLY_MAX = 5000;

export interface CitizenReply {
  /** Proved beforehand: tracking number and access code on the web, the sender's number by SMS. */
  applicationId: string;
  text: string;
  channel: Channel;
  /** The provider's id of the message (an SMS MessageSid), so a redelivery is attached once. */
  providerRef?: string;
}

export interface ReceivedReply {
  status: ApplicationStatus;
  receivedAt: Date;
  /** True when the reply answered a question and the application went back to the officer (awaiting_citizen → in_progress). */
  resumed: boolean;
}

/**
 * What the citizen writes about their application after submitting it, from the status page or
 * by SMS. It joins the conversation; when the agency was waiting for it, work resumes.
 */
@Injectable()
export class CitizenReplies {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly proof: CitizenProof,
    private readonly dataSource: DataSource,
    private readonly deadlines: ApplicationDeadlines,
  ) {}

  /**
   * A reply from the status page, by whoever holds the tracking number and access code. With `replyKey` (the form's
   * submission key, or an API client's Idempotency-Key) a retried post is recognised and attached only once.
   */
  async fromWeb(
    trackingNumber: string,
    accessCode: string,
    client: string,
    text: string,
    replyKey?: string,
  ): Promise<ReceivedReply & { trackingNumber: string }> {
    requiredText('text', text, REPLY_MAX);
    const proved = await this.proof.verify(trackingNumber, accessCode, client);
    // Scoped to the application: a key is the citizen's own, and must never match another application's message.
    const providerRef = replyKey ? `web:${proved.applicationId}:${replyKey}` : undefined;
    return { ...(await this.receive({ applicationId: proved.applicationId, text, channel: 'web', providerRef })), trackingNumber: proved.trackingNumber };
  }

  /** A reply from any channel that has already proved which application it is about (the SMS inbound handler, the web). */
  receive(reply: CitizenReply): Promise<ReceivedReply> {
    const text = requiredText('text', reply.text, REPLY_MAX);
    return this.changes.change({ citizen: true }, reply.applicationId, undefined, async (ctx) => {
      if (reply.providerRef && (await this.alreadyAttached(reply.providerRef, ctx.manager))) {
        return { status: ctx.app.status, receivedAt: ctx.now, resumed: false };
      }
      const [message]: { id: string }[] = await ctx.manager.query(
        `INSERT INTO application_messages (application_id, direction, kind, channel, body, created_at, provider_ref)
         VALUES ($1, 'from_citizen', 'citizen_reply', $2, $3, $4, $5) RETURNING id`,
        [ctx.app.id, reply.channel, text, ctx.now, reply.providerRef ?? null],
      );
      const resumed = ctx.app.status === 'awaiting_citizen';
      await this.changes.record(
        ctx,
        resumed
          ? { kind: 'citizen_replied', toStatus: 'in_progress', data: { messageId: message.id, channel: reply.channel } }
          : { kind: 'citizen_message', data: { messageId: message.id, channel: reply.channel } },
      );
      if (resumed) await this.deadlines.onCitizenReplied(ctx);
      return { status: ctx.app.status, receivedAt: ctx.now, resumed };
    });
  }

  /** The application a provider's message was already attached to, if it was. */
  async attachedTo(providerRef: string): Promise<{ applicationId: string; trackingNumber: string } | undefined> {
    const rows: { applicationId: string; trackingNumber: string }[] = await this.dataSource.query(
      `SELECT m.application_id AS "applicationId", a.tracking_number AS "trackingNumber"
       FROM application_messages m JOIN applications a ON a.id = m.application_id WHERE m.provider_ref = $1`,
      [providerRef],
    );
    return rows[0];
  }

  private async alreadyAttached(providerRef: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM application_messages WHERE provider_ref = $1', [providerRef]);
    return rows.length > 0;
  }
}
