import { Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

/** Asking for a message: what every domain lib uses. Sending is MessageDeliveryModule's, in the worker. */
@Module({ providers: [NotificationsService], exports: [NotificationsService] })
export class NotificationsModule {}
