import { Global, Module } from '@nestjs/common';
import { loadEnvironment } from './environment';

export const ENVIRONMENT = Symbol('ENVIRONMENT');

/** Provides the validated settings as `ENVIRONMENT`; the process fails at start when they are wrong. */
@Global()
@Module({
  providers: [{ provide: ENVIRONMENT, useFactory: () => loadEnvironment() }],
  exports: [ENVIRONMENT],
})
export class EnvironmentModule {}
