/** @petitio/http-api: the JSON API under /api/v1 and the provider webhooks under /webhooks. See docs/architecture.md. */
export * from './staff/staff-auth.guard';
export * from './http-api.module';
