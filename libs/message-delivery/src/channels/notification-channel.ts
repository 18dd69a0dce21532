import { NotificationChannelName } from '@petitio/notifications';

/** A message ready to leave: rendered in the recipient's language, addressed, nothing left to look up. */
export interface RenderedMessage {
  /** The outgoing_messages id: stable across retries, so providers and mail clients can spot a repeat. */
  id: string;
  channel: NotificationChannelName;
  /** Email address or E.164 phone; null for web. */
  recipient: string | null;
  language: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * One way of reaching people (novu-style provider): email over SMTP, SMS through a provider, the web
 * status page. Throws PermanentDeliveryError or TransientDeliveryError; the delivery records the outcome.
 */
export interface NotificationChannel {
  readonly name: NotificationChannelName;
  send(message: RenderedMessage): Promise<{ providerMessageId?: string }>;
}

/**
 * The SMS seam (Twilio first; a national aggregator would be another implementation chosen by
 * SMS_PROVIDER). Beyond sending, a provider can say whether an earlier attempt already went out,
 * which the delivery asks before sending again after a worker died mid-send.
 */
export interface SmsProvider extends NotificationChannel {
  readonly name: 'sms';
  /** The provider's ids of messages with this very text sent to this recipient since `since`, newest first. */
  findEarlierSends?(message: RenderedMessage, since: Date): Promise<string[]>;
}
