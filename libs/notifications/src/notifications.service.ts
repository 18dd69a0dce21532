import { Injectable } from '@nestjs/common';
import { OutboxTopic, OutboxWriter } from '@petitio/platform';
import { EntityManager } from 'typeorm';
import { OutgoingMessageRequest } from './outgoing-message';

/**
 * The one way the domain sends anything to anybody: the message is recorded in the caller's
 * transaction and a `message.requested` event queued with it; the worker delivers it through
 * the channel, so a message is never lost, and never sent for a change that was rolled back.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly outbox: OutboxWriter) {}

  async request(manager: EntityManager, messages: OutgoingMessageRequest[]): Promise<string[]> {
    const ids: string[] = [];
    for (const m of messages) {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO outgoing_messages (application_id, staff_user_id, channel, recipient, to_citizen, template, language, params)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          m.applicationId ?? null,
          m.staffUserId ?? null,
          m.channel,
          'toCitizen' in m ? null : m.recipient,
          'toCitizen' in m,
          m.template,
          m.language,
          JSON.stringify(m.params),
        ],
      );
      ids.push(row.id);
      await this.outbox.append(manager, [{ topic: OutboxTopic.MessageRequested, aggregateId: row.id }]);
    }
    return ids;
  }

  /** Messages still undelivered long after they were asked for lost their job: queue them again. */
  reemitStranded(manager: EntityManager, olderThanSeconds: number): Promise<number> {
    return this.outbox.reemit(
      manager,
      OutboxTopic.MessageRequested,
      `SELECT m.id FROM outgoing_messages m
       WHERE m.status IN ('pending', 'sending') AND m.created_at < now() - make_interval(secs => $1) ORDER BY m.created_at`,
      [olderThanSeconds],
    );
  }
}
