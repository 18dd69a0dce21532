export * from './outgoing-message';
export * from './notifications.service';
export * from './notifications.module';
export * from './delivery-errors';
export * from './channels/notification-channel';
export * from './message-renderer';
export * from './message-delivery';
export * from './notification-delivery.module';
