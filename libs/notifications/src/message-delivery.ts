import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { NotificationChannels } from './channels/notification-channels';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';
import { MessageRenderer, StoredMessage } from './message-renderer';

export type DeliveryOutcome =
  | { status: 'sent'; providerMessageId: string | null }
  /** Someone already finished with it (sent, failed or suppressed): a redelivered job does nothing. */
  | { status: 'already_done'; current: string };

/**
 * Sends one recorded message through its channel and records the outcome. Idempotent: only a pending
 * message is claimed, so a redelivered job does nothing once the message is sent or has failed.
 * At-least-once, like every delivery: a worker killed after the provider accepted the message and before
 * `sent` was recorded leaves it `sending`, and the job's next run sends it again (same Message-ID).
 */
@Injectable()
export class MessageDelivery {
  private readonly logger = new Logger(MessageDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: MessageRenderer,
    private readonly channels: NotificationChannels,
    private readonly clock: Clock,
  ) {}

  /**
   * Throws PermanentDeliveryError when the message has failed for good, TransientDeliveryError when it is
   * back to pending for a later attempt; on the last attempt (`lastAttempt`) a transient error fails it too.
   */
  async deliver(messageId: string, options: { lastAttempt?: boolean } = {}): Promise<DeliveryOutcome> {
    const message = await this.claim(messageId);
    if ('current' in message) return { status: 'already_done', current: message.current };
    try {
      if (message.channel !== 'web' && !message.recipient) throw new PermanentDeliveryError(`no recipient to send the ${message.channel} to`);
      const rendered = this.renderer.render(message);
      const { providerMessageId } = await this.channels.get(message.channel).send(rendered);
      await this.dataSource.query(
        `UPDATE outgoing_messages SET status = 'sent', provider_message_id = $2, sent_at = $3, last_error = NULL
         WHERE id = $1 AND status = 'sending'`,
        [message.id, providerMessageId ?? null, this.clock.now()],
      );
      this.logger.log({ msg: 'message sent', messageId, channel: message.channel, template: message.template, attempt: message.attempts });
      return { status: 'sent', providerMessageId: providerMessageId ?? null };
    } catch (error) {
      throw await this.recordFailure(message, error, options.lastAttempt ?? false);
    }
  }

  /** pending → sending, one more attempt; a `sending` row is one whose attempt died mid-way (see above). */
  private async claim(messageId: string): Promise<(StoredMessage & { attempts: number }) | { current: string }> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [[claimed]]: [(StoredMessage & { attempts: number })[], number] = await this.dataSource.query(
      `UPDATE outgoing_messages SET status = 'sending', attempts = attempts + 1
       WHERE id = $1 AND status IN ('pending', 'sending')
       RETURNING id, channel, recipient, template, language, params, attempts`,
      [messageId],
    );
    if (claimed) return claimed;
    const [row]: { status: string }[] = await this.dataSource.query('SELECT status FROM outgoing_messages WHERE id = $1', [messageId]);
    if (!row) throw new PermanentDeliveryError('no such message');
    return { current: row.status };
  }

  /** Records why, never what: last_error holds the reason, not the message or the address. */
  private async recordFailure(message: StoredMessage & { attempts: number }, error: unknown, lastAttempt: boolean): Promise<Error> {
    const permanent = error instanceof PermanentDeliveryError;
    const reason = error instanceof Error ? error.message : String(error);
    const failed = permanent || lastAttempt;
    const lastError = failed && !permanent ? `gave up after ${message.attempts} attempts: ${reason}` : reason;
    await this.dataSource.query(`UPDATE outgoing_messages SET status = $2, last_error = $3 WHERE id = $1 AND status = 'sending'`, [
      message.id,
      failed ? 'failed' : 'pending',
      lastError.slice(0, 1000),
    ]);
    this.logger.warn({
      msg: failed ? 'message failed' : 'message will be retried',
      messageId: message.id,
      channel: message.channel,
      template: message.template,
      attempt: message.attempts,
      reason: lastError,
    });
    if (permanent) return error;
    return failed ? new PermanentDeliveryError(lastError) : error instanceof TransientDeliveryError ? error : new TransientDeliveryError(reason);
  }
}
