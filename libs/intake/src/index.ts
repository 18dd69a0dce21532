export * from './access-code';
export * from './attachments';
export * from './citizen-proof';
export * from './intake.module';
export * from './intake.service';
export * from './new-application';
export * from './status-lookup.service';
