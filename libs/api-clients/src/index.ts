/**
 * @petitio/api-clients: the systems that call Petitio with a key (Open311 clients, agencies' case systems):
 * issuing a key shown once, checking it by its hash, revoking it. See docs/architecture.md.
 */
export * from './api-clients.module';
export * from './api-clients.service';
export * from './api-key';
