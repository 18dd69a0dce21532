/** @petitio/catalogue: application types and topics. See docs/architecture.md. */
export * from './application-type';
export * from './topic.entity';
export * from './catalogue.service';
export * from './topic-admin.service';
export * from './catalogue.module';
