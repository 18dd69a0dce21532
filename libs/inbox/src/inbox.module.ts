import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { NotificationsModule } from '@petitio/notifications';
import { SlaModule } from '@petitio/sla';
import { ApplicationsModule } from '@petitio/applications';
import { IntakeModule } from '@petitio/intake';
import { INBOX_PROVIDERS } from './inbox.providers';

/** The staff-facing read side of applications: lists, search, detail and the personal-data reads they record. */
const SERVICES = [...INBOX_PROVIDERS];

@Module({
  imports: [ApplicationsModule, CatalogueModule, DirectoryModule, NotificationsModule, SlaModule, IntakeModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class InboxModule {}
