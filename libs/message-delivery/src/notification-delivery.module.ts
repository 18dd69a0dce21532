import { Module } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { PrivacyModule } from '@petitio/privacy';
import { NotificationChannels, SMS_CHANNEL, smsChannelFromConfiguration } from './channels/notification-channels';
import { SmtpEmailChannel } from './channels/smtp-email.channel';
import { WebChannel } from './channels/web.channel';
import { MessageDelivery } from './message-delivery';
import { MessageRenderer } from './message-renderer';

/** The sending side, for the worker only: the api records messages (NotificationsModule) and never sends. */
@Module({
  imports: [PrivacyModule],
  providers: [
    SmtpEmailChannel,
    WebChannel,
    { provide: SMS_CHANNEL, inject: [ENVIRONMENT], useFactory: (env: Environment) => smsChannelFromConfiguration(env) },
    NotificationChannels,
    MessageRenderer,
    MessageDelivery,
  ],
  exports: [MessageDelivery, MessageRenderer],
})
export class NotificationDeliveryModule {}
