/** @petitio/web-kit: what every HTTP surface shares: problem answers, validation pipe, language negotiation, client rate limits, forms, page document, styles, CSV. See docs/architecture.md. */
export * from './access-code-not-in-url.guard';
export * from './client-rate-limit.guard';
export * from './form-values';
export * from './language';
export * from './lookup-client';
export * from './page-response';
export * from './page-stylesheet';
export * from './problem-mapping';
export * from './problem-language';
export * from './problem-sentences';
export * from './validation.pipe';
export * from './views/form-fields';
export * from './views/page-document';
export * from './csv';
