/** @petitio/notifications: asking for a message: the outgoing-message record and its outbox event. See docs/architecture.md. */
export * from './outgoing-message';
export * from './notifications.service';
export * from './notifications.module';
