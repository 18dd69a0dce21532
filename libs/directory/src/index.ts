export * from './agency.entity';
export * from './agency-csv';
export * from './agency-csv-importer';
export * from './region.entity';
export * from './directory.service';
export * from './directory.module';
