/**
 * @petitio/privacy: the safeguards for citizens' personal data: the keys of the identity vault (envelope encryption
 * behind a KMS interface), keyed phone hashes, automatic redaction of identifiers in free text. See docs/privacy.md.
 */
export * from './privacy.module';
export * from './pseudonym';
export * from './redaction';
export * from './vault';
