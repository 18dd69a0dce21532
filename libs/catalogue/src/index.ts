export * from './application-type';
export * from './topic.entity';
export * from './catalogue.service';
export * from './catalogue.module';
