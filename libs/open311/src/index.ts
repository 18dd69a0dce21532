/**
 * @petitio/open311: Open311 GeoReport v2 in the domain's terms: topics as services with their definitions, service
 * requests filed through intake and read back without personal data. The HTTP edge (http-api) renders them as the
 * spec's JSON and XML. See docs/architecture.md.
 */
export * from './open311.module';
export * from './open311-requests';
export * from './open311-services';
export * from './open311-status';
export * from './open311-submission';
export * from './open311-views';
