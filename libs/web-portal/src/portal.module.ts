import { Module } from '@nestjs/common';
import { IntakeModule } from '@petitio/intake';
import { CaseworkModule } from '@petitio/casework';
import { InboxModule } from '@petitio/inbox';
import { ReportingModule } from '@petitio/reporting';
import { AuditModule } from '@petitio/audit';
import { ChannelsModule } from '@petitio/channels';
import { ApplicationsModule } from '@petitio/applications';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { ApplyController } from './apply.controller';
import { PortalChoices } from './portal-choices';
import { PortalPagesController } from './portal-pages.controller';
import { StatusController } from './status.controller';
import { OpenDataStatisticsController, PortalStatisticsController } from './statistics.controller';

/** The citizen portal: server-rendered pages over the same services as the JSON API, usable without JavaScript. */
@Module({
  imports: [ApplicationsModule, IntakeModule, CaseworkModule, InboxModule, ReportingModule, AuditModule, ChannelsModule, CatalogueModule, DirectoryModule],
  controllers: [PortalPagesController, ApplyController, StatusController, PortalStatisticsController, OpenDataStatisticsController],
  providers: [PortalChoices],
})
export class PortalModule {}
