export * from './agency.entity';
export * from './region.entity';
export * from './directory.service';
export * from './directory.module';
