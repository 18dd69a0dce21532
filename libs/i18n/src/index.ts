/**
 * @petitio/i18n: the message catalogs every page, email, SMS and voice prompt reads its words from
 * (`catalogs/<language>/<namespace>.json`, ICU MessageFormat), their generated types, and the check that
 * every translation is complete and valid. Knows no domain. See docs/architecture.md.
 */
export * from './catalog-files';
export * from './catalog-check';
export * from './catalog-types';
export * from './catalogs';
export * from './message-arguments';
export * from './message-texts';
