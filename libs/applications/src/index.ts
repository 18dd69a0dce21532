/** @petitio/applications: the application aggregate: entity, history entity and event kinds, status machine, tracking numbers, who may see which application. See docs/architecture.md. */
export * from './application-event.entity';
export * from './application-event-kinds';
export * from './application-status';
export * from './application.entity';
export * from './applications.module';
export * from './phone-number';
export * from './tracking-number';
export * from './access/application-access';
