export * from './audit.module';
export * from './history-verifier';
