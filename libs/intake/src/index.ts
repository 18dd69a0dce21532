/** @petitio/intake: submission (validation, idempotency, batched writes), attachments, access codes, proving a citizen holds an application, the citizen's status view. See docs/architecture.md. */
export * from './access-code';
export * from './attachments';
export * from './citizen-proof';
export * from './intake.module';
export * from './intake.service';
export * from './new-application';
export * from './status-lookup.service';
