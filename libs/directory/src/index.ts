/** @petitio/directory: agencies (a tree), regions and their boundaries; CSV import. See docs/architecture.md. */
export * from './agency.entity';
export * from './agency-csv';
export * from './agency-csv-importer';
export * from './agency-admin.service';
export * from './agency-browser';
export * from './agency-rules';
export * from './region.entity';
export * from './directory.service';
export * from './directory.module';
export * from './region-boundaries';
