import { Injectable } from '@nestjs/common';
import { NotificationChannel, RenderedMessage } from './notification-channel';

/**
 * Nothing leaves the system: the caseworker code already stored the text in application_messages,
 * where the citizen's status page shows it. Delivering only records that the message is there.
 */
@Injectable()
export class WebChannel implements NotificationChannel {
  readonly name = 'web' as const;

  async send(_message: RenderedMessage): Promise<{ providerMessageId?: string }> {
    return {};
  }
}
