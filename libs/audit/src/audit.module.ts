import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { NotificationsModule } from '@petitio/notifications';
import { SlaModule } from '@petitio/sla';
import { ApplicationsModule } from '@petitio/applications';
import { HistoryVerifier } from './history-verifier';

/** Checks that an application's history chain is whole. */
const SERVICES = [HistoryVerifier];

@Module({
  imports: [ApplicationsModule, CatalogueModule, DirectoryModule, NotificationsModule, SlaModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class AuditModule {}
