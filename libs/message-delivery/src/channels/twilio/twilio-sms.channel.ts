import { Logger } from '@nestjs/common';
import { Environment, SmsSenderKind, smsSenderKind } from '@petitio/platform';
import twilio from 'twilio';
import { PermanentDeliveryError, RecipientOptedOutError, TransientDeliveryError } from '../../delivery-errors';
import { RenderedMessage, SmsProvider } from '../notification-channel';
import { TwilioApiClient } from './twilio-api-client';

/** Twilio's codes for a message that can never reach this recipient. */
const INVALID_TO = 21211;
const OPTED_OUT = 21610;
const NOT_MOBILE = 21614;

/** Where Twilio reports delivered/undelivered; the api's TwilioStatusController answers it. */
export const SMS_STATUS_PATH = '/webhooks/twilio/sms-status';

/**
 * SMS through Twilio's Messages API: the only place that calls `messages.create`. Transient failures
 * (HTTP 5xx, 429, no answer) are thrown as such for the queue to retry with backoff; Twilio's 4xx
 * answers (invalid or non-mobile number, opted out…) are permanent.
 */
export class TwilioSmsChannel implements SmsProvider {
  readonly name = 'sms' as const;
  private readonly logger = new Logger(TwilioSmsChannel.name);
  private readonly client: twilio.Twilio;
  private readonly statusCallback: string;
  private readonly sender: SmsSenderKind | undefined;

  constructor(private readonly env: Environment) {
    this.client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, { httpClient: new TwilioApiClient(env.TWILIO_API_BASE_URL, 15_000) });
    this.statusCallback = `${env.PUBLIC_BASE_URL}${SMS_STATUS_PATH}`;
    this.sender = smsSenderKind(env.TWILIO_FROM_NUMBER);
    if (env.TWILIO_API_BASE_URL) this.logger.warn({ msg: 'Twilio API calls go to TWILIO_API_BASE_URL, not to Twilio', baseUrl: env.TWILIO_API_BASE_URL });
  }

  async send(message: RenderedMessage): Promise<{ providerMessageId?: string }> {
    if (!message.recipient) throw new PermanentDeliveryError('no phone number to send the SMS to');
    try {
      const sent = await this.client.messages.create({
        to: message.recipient,
        ...this.senderParams(),
        body: message.text,
        statusCallback: this.statusCallback,
      });
      return { providerMessageId: sent.sid };
    } catch (error) {
      throw classify(error);
    }
  }

  /**
   * Messages Twilio holds for this recipient since `since` (newest first) with the very same text: what
   * an attempt that died before recording its result had already sent.
   */
  async findEarlierSends(message: RenderedMessage, since: Date): Promise<string[]> {
    if (!message.recipient) return [];
    try {
      // A Messaging Service picks the From from its pool, so its sends are found by recipient and date alone.
      const from = this.sender === 'messaging_service' ? {} : { from: this.env.TWILIO_FROM_NUMBER };
      const earlier = await this.client.messages.list({ to: message.recipient, ...from, dateSentAfter: since, limit: 100 });
      return earlier.filter((m) => m.body === message.text).map((m) => m.sid);
    } catch (error) {
      throw classify(error);
    }
  }

  /** A phone number or an alphanumeric sender ID goes as From; a Messaging Service as MessagingServiceSid, and Twilio picks the sender. */
  private senderParams(): { from: string } | { messagingServiceSid: string } {
    return this.sender === 'messaging_service' ? { messagingServiceSid: this.env.TWILIO_FROM_NUMBER } : { from: this.env.TWILIO_FROM_NUMBER };
  }
}

/** Twilio's verdict by HTTP status and error code; the reason never carries the number (Twilio's messages echo it). */
function classify(error: unknown): Error {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  if (typeof status === 'number') {
    const reason = `Twilio answered HTTP ${status}${typeof code === 'number' ? ` with error ${code}` : ''}`;
    if (code === OPTED_OUT) return new RecipientOptedOutError(`${reason} (recipient opted out)`);
    if (code === INVALID_TO) return new PermanentDeliveryError(`${reason} (invalid phone number)`);
    if (code === NOT_MOBILE) return new PermanentDeliveryError(`${reason} (not a mobile number)`);
    if (status >= 500 || status === 429) return new TransientDeliveryError(reason);
    if (status >= 400) return new PermanentDeliveryError(reason);
    return new TransientDeliveryError(reason);
  }
  const cause = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new TransientDeliveryError(`could not reach Twilio (${cause})`);
}
