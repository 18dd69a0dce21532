/** @petitio/routing: routing rules and the router. See docs/architecture.md. */
export * from './routing-rule.entity';
export * from './rule-matcher';
export * from './routing.service';
export * from './routing-rules.service';
export * from './routing.module';
export * from './routing-decision';
export * from './routing-rule-draft';
export * from './routing-rules-admin.service';
