/** @petitio/web-portal: the citizen portal. See docs/architecture.md. */
export * from './i18n';
export * from './multipart-form';
export * from './portal-errors';
export * from './portal.module';
