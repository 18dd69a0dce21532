/**
 * @petitio/country-packs: what makes a deployment a country's — settings, law (application types, reasons,
 * deadlines) and a demo directory — as JSON in `packs/<code>/`, with the loader and its checks. Knows no domain;
 * the CLI installs a pack, the configuration takes its settings. See docs/country-packs.md.
 */
export * from './country-pack';
export * from './pack-problems';
