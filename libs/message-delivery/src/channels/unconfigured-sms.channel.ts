import { PermanentDeliveryError } from '../delivery-errors';
import { NotificationChannel, RenderedMessage } from './notification-channel';

/**
 * The SMS seam. No SMS provider exists yet: a provider (e.g. channels/twilio-sms.channel.ts, the only
 * file to import its SDK) implements NotificationChannel with name 'sms' and is chosen in
 * notification-channels.ts when configured. Until then SMS messages fail visibly rather than pretend.
 */
export class UnconfiguredSmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;

  async send(_message: RenderedMessage): Promise<never> {
    throw new PermanentDeliveryError('no SMS provider configured');
  }
}
