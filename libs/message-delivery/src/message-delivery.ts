import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { IDENTITY_COLUMNS, IDENTITY_JOIN, IdentityVault, PhoneHash, SealedIdentityColumns } from '@petitio/privacy';
import { DataSource } from 'typeorm';
import { NotificationChannel, SmsProvider } from './channels/notification-channel';
import { NotificationChannels } from './channels/notification-channels';
import { PermanentDeliveryError, RecipientOptedOutError, TransientDeliveryError } from './delivery-errors';
import { MessageRenderer, StoredMessage } from './message-renderer';
import { smsSegments } from './sms-segments';

/** A claimed message: which attempt this is, and whether an earlier one died mid-send (it was still `sending`). */
type ClaimedMessage = StoredMessage & {
  attempts: number;
  createdAt: Date;
  previousStatus: 'pending' | 'sending';
  /** Addressed to the application's citizen: the recipient is read from the vault at send time. */
  toCitizen: boolean;
  applicationId: string | null;
};

export type DeliveryOutcome =
  | { status: 'sent'; providerMessageId: string | null }
  /** Found already sent by the attempt that died before recording it: recorded, not sent again. */
  | { status: 'reconciled'; providerMessageId: string }
  /** The SMS recipient opted out (STOP, or the provider said so): nothing sent. */
  | { status: 'suppressed' }
  /** Someone already finished with it (sent, failed or suppressed): a redelivered job does nothing. */
  | { status: 'already_done'; current: string };

/**
 * Sends one recorded message through its channel and records the outcome. Idempotent: only a pending
 * message is claimed, so a redelivered job does nothing once the message is sent or has failed.
 * A worker killed after the provider accepted the message and before `sent` was recorded leaves it
 * `sending`: the job's next run asks the channel whether that attempt went out (SMS providers list what
 * they sent) and records it instead of sending twice; channels that cannot tell send again (email keeps
 * the same Message-ID, so mail clients show one).
 */
@Injectable()
export class MessageDelivery {
  private readonly logger = new Logger(MessageDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: MessageRenderer,
    private readonly channels: NotificationChannels,
    private readonly clock: Clock,
    private readonly phoneHash: PhoneHash,
    private readonly vault: IdentityVault,
  ) {}

  /**
   * Throws PermanentDeliveryError when the message has failed for good, TransientDeliveryError when it is
   * back to pending for a later attempt; on the last attempt (`lastAttempt`) a transient error fails it too.
   */
  async deliver(messageId: string, options: { lastAttempt?: boolean } = {}): Promise<DeliveryOutcome> {
    const claimed = await this.claim(messageId);
    if ('current' in claimed) return { status: 'already_done', current: claimed.current };
    const message: ClaimedMessage = { ...claimed };
    try {
      if (message.toCitizen) message.recipient = await this.citizenContact(message);
      if (message.channel !== 'web' && !message.recipient) throw new PermanentDeliveryError(`no recipient to send the ${message.channel} to`);
      if (message.channel === 'sms' && (await this.optedOut(message.recipient))) {
        await this.dataSource.query(
          `UPDATE outgoing_messages SET status = 'suppressed', last_error = 'recipient opted out' WHERE id = $1 AND status = 'sending'`,
          [message.id],
        );
        this.logger.log({ msg: 'message suppressed: recipient opted out', messageId, channel: message.channel, template: message.template });
        return { status: 'suppressed' };
      }
      const rendered = this.renderer.render(message);
      const channel = this.channels.get(message.channel);
      // Segments and encoding, never the text: what an SMS costs and whether transliteration kept it GSM-7.
      const sms = message.channel === 'sms' ? smsSegments(rendered.text) : undefined;
      const logged = {
        messageId,
        channel: message.channel,
        template: message.template,
        attempt: message.attempts,
        ...(sms && { smsSegments: sms.segments, smsEncoding: sms.encoding }),
      };
      // An earlier attempt that died mid-send (`sending`) or timed out may have gone out all the same.
      if ((message.previousStatus === 'sending' || message.attempts > 1) && canFindEarlierSend(channel)) {
        const earlier = await this.unrecorded(await channel.findEarlierSends(rendered, message.createdAt));
        if (earlier) {
          await this.recordSent(message.id, earlier);
          this.logger.warn({ msg: 'message had been sent by an attempt that died before recording it: recorded, not sent again', ...logged });
          return { status: 'reconciled', providerMessageId: earlier };
        }
      }
      const { providerMessageId } = await channel.send(rendered);
      await this.recordSent(message.id, providerMessageId ?? null);
      this.logger.log({ msg: 'message sent', ...logged });
      return { status: 'sent', providerMessageId: providerMessageId ?? null };
    } catch (error) {
      if (error instanceof RecipientOptedOutError && message.recipient) await this.recordOptOut(message.recipient);
      throw await this.recordFailure(message, error, options.lastAttempt ?? false);
    }
  }

  private async recordSent(id: string, providerMessageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE outgoing_messages SET status = 'sent', provider_message_id = $2, sent_at = $3, last_error = NULL
       WHERE id = $1 AND status = 'sending'`,
      [id, providerMessageId, this.clock.now()],
    );
  }

  /** The first of the provider's ids that no message has recorded yet: an identical notice sent earlier keeps its own. */
  private async unrecorded(providerMessageIds: string[]): Promise<string | undefined> {
    if (providerMessageIds.length === 0) return undefined;
    const rows: { id: string }[] = await this.dataSource.query('SELECT provider_message_id AS id FROM outgoing_messages WHERE provider_message_id = ANY($1)', [
      providerMessageIds,
    ]);
    const recorded = new Set(rows.map((r) => r.id));
    return providerMessageIds.find((id) => !recorded.has(id));
  }

  /**
   * A citizen's message carries no contact: it is opened from the vault when the message leaves, so a contact lives in
   * one place only and an erased identity is never written to again. Null (no such contact) fails the message.
   */
  private async citizenContact(message: ClaimedMessage): Promise<string | null> {
    const rows: SealedIdentityColumns[] = await this.dataSource.query(
      `SELECT a.tracking_number AS "trackingNumber", ${IDENTITY_COLUMNS} FROM applications a ${IDENTITY_JOIN} WHERE a.id = $1`,
      [message.applicationId],
    );
    if (!rows[0]) return null;
    const identity = await this.vault.openRow(rows[0]);
    if (message.channel === 'sms') return identity.phone;
    return message.channel === 'email' ? identity.email : null;
  }

  private async optedOut(phone: string | null): Promise<boolean> {
    if (!phone) return false;
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM sms_opt_outs WHERE phone_hash = $1', [this.phoneHash.of(phone)]);
    return rows.length > 0;
  }

  /** The provider knew of an opt-out we did not (e.g. STOP sent before this service existed): remember it. */
  private async recordOptOut(phone: string): Promise<void> {
    await this.dataSource.query('INSERT INTO sms_opt_outs (phone_hash, opted_out_at) VALUES ($1, $2) ON CONFLICT (phone_hash) DO NOTHING', [
      this.phoneHash.of(phone),
      this.clock.now(),
    ]);
  }

  /** pending → sending, one more attempt; a `sending` row is one whose attempt died mid-way (see above). */
  private async claim(messageId: string): Promise<ClaimedMessage | { current: string }> {
    // TypeORM answers an UPDATE with [rows, affected count]. The subquery reads the status before the update.
    const [[claimed]]: [ClaimedMessage[], number] = await this.dataSource.query(
      `UPDATE outgoing_messages m SET status = 'sending', attempts = m.attempts + 1
       FROM (SELECT id, status FROM outgoing_messages WHERE id = $1 AND status IN ('pending', 'sending') FOR UPDATE) previous
       WHERE m.id = previous.id
       RETURNING m.id, m.channel, m.recipient, m.template, m.language, m.params, m.attempts, m.to_citizen AS "toCitizen",
                 m.application_id AS "applicationId", m.created_at AS "createdAt", previous.status AS "previousStatus"`,
      [messageId],
    );
    if (claimed) return claimed;
    const [row]: { status: string }[] = await this.dataSource.query('SELECT status FROM outgoing_messages WHERE id = $1', [messageId]);
    if (!row) throw new PermanentDeliveryError('no such message');
    return { current: row.status };
  }

  /** Records why, never what: last_error holds the reason, not the message or the address. */
  private async recordFailure(message: ClaimedMessage, error: unknown, lastAttempt: boolean): Promise<Error> {
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

function canFindEarlierSend(channel: NotificationChannel): channel is SmsProvider & Required<Pick<SmsProvider, 'findEarlierSends'>> {
  return typeof (channel as SmsProvider).findEarlierSends === 'function';
}
