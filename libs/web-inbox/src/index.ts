export * from './console-inbox.module';
