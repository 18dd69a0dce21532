import { NotificationChannelName } from '../outgoing-message';

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
