import { Module } from '@nestjs/common';
import { TwilioWebhookSignature } from './twilio-webhook-signature';

/** What the api needs to accept Twilio's webhooks: their signature check. */
@Module({ providers: [TwilioWebhookSignature], exports: [TwilioWebhookSignature] })
export class TwilioWebhooksModule {}
