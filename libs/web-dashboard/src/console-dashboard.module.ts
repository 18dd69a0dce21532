import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@petitio/applications';
import { AuditModule } from '@petitio/audit';
import { CaseworkModule } from '@petitio/casework';
import { CatalogueModule } from '@petitio/catalogue';
import { ChannelsModule } from '@petitio/channels';
import { DirectoryModule } from '@petitio/directory';
import { InboxModule } from '@petitio/inbox';
import { IntakeModule } from '@petitio/intake';
import { ReportingModule } from '@petitio/reporting';
import { RoutingModule } from '@petitio/routing';
import { SlaModule } from '@petitio/sla';
import { StaffModule } from '@petitio/staff';
import { ConsoleModule } from '@petitio/web-console';
import { ConsoleDashboardAssetsController, ConsoleDashboardController } from './dashboard.controller';

/** The console's SLA dashboard and its CSV. */
@Module({
  imports: [
    ConsoleModule,
    ApplicationsModule,
    IntakeModule,
    CaseworkModule,
    InboxModule,
    ReportingModule,
    AuditModule,
    ChannelsModule,
    StaffModule,
    DirectoryModule,
    CatalogueModule,
    RoutingModule,
    SlaModule,
  ],
  controllers: [ConsoleDashboardController, ConsoleDashboardAssetsController],
})
export class ConsoleDashboardModule {}
