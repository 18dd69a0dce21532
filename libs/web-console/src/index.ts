/** @petitio/web-console: the staff console: its shell — sign-in, set-password, session, CSRF, layout and texts. See docs/architecture.md. */
export * from './console.module';
export * from './i18n';
export * from './console-csrf';
export * from './console-errors.filter';
export * from './console-form';
export * from './console-language';
export * from './console-response';
export * from './console-session.guard';
export * from './views/action-form';
export * from './views/layout';
export * from './views/sla-badge';
