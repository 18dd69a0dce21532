/** @petitio/audit: verifying an application's history chain. See docs/architecture.md. */
export * from './audit.module';
export * from './history-verifier';
