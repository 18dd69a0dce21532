/** @petitio/web-admin: the staff console: the admin pages — staff users, directory, topics, routing rules, SLA policies. See docs/architecture.md. */
export * from './admin-directory-texts';
export * from './admin-routing-texts';
export * from './console-admin.module';
