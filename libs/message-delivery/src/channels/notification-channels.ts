import { Inject, Injectable } from '@nestjs/common';
import { Environment } from '@petitio/platform';
import { PermanentDeliveryError } from '../delivery-errors';
import { NotificationChannelName } from '@petitio/notifications';
import { NotificationChannel } from './notification-channel';
import { SmtpEmailChannel } from './smtp-email.channel';
import { TwilioSmsChannel } from './twilio/twilio-sms.channel';
import { UnconfiguredSmsChannel } from './unconfigured-sms.channel';
import { WebChannel } from './web.channel';

/** Injection token of the SMS channel, so an SMS provider replaces one provider and nothing else. */
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');

/** Chooses the SMS provider from configuration (SMS_PROVIDER); 'none' keeps SMS failing visibly. */
export function smsChannelFromConfiguration(env: Environment): NotificationChannel {
  if (env.SMS_PROVIDER === 'twilio') return new TwilioSmsChannel(env);
  return new UnconfiguredSmsChannel();
}

/** The channel each message goes out on, by the name stored with the message. */
@Injectable()
export class NotificationChannels {
  private readonly byName: Map<NotificationChannelName, NotificationChannel>;

  constructor(email: SmtpEmailChannel, web: WebChannel, @Inject(SMS_CHANNEL) sms: NotificationChannel) {
    this.byName = new Map([email, web, sms].map((channel) => [channel.name, channel]));
  }

  get(name: NotificationChannelName): NotificationChannel {
    const channel = this.byName.get(name);
    if (!channel) throw new PermanentDeliveryError(`no channel named ${name}`);
    return channel;
  }
}
