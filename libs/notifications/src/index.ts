export * from './outgoing-message';
export * from './notifications.service';
export * from './notifications.module';
