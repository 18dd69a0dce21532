/** @petitio/web-inbox: the staff console: the casework pages — inbox, an application with its actions, call-center intake. See docs/architecture.md. */
export * from './console-inbox.module';
