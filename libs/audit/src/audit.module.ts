import { Module } from '@nestjs/common';
import { HistoryVerifier } from './history-verifier';

/** Checks that an application's history chain is whole. */
const SERVICES = [HistoryVerifier];

@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class AuditModule {}
