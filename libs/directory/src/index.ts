export * from './agency.entity';
export * from './agency-csv';
export * from './agency-csv-importer';
export * from './agency-admin.service';
export * from './agency-rules';
export * from './region.entity';
export * from './directory.service';
export * from './directory.module';
