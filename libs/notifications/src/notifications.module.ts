import { Module } from '@nestjs/common';
import { TwilioWebhookSignature } from './channels/twilio/twilio-webhook-signature';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationsService, TwilioWebhookSignature], exports: [NotificationsService, TwilioWebhookSignature] })
export class NotificationsModule {}
