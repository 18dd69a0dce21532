import { Module } from '@nestjs/common';
import { NotificationsModule } from '@petitio/notifications';
import { ClockModule, DatabaseModule } from '@petitio/platform';
import { PrivacyModule } from '@petitio/privacy';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookFanOut } from './webhook-fan-out';
import { WebhookSubscriptions } from './webhook-subscriptions';

@Module({
  imports: [DatabaseModule, ClockModule, NotificationsModule, PrivacyModule],
  providers: [WebhookSubscriptions, WebhookFanOut, WebhookDeliveries],
  exports: [WebhookSubscriptions, WebhookFanOut, WebhookDeliveries],
})
export class WebhooksModule {}
