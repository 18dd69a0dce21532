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
import { ConsoleApplicationPage } from './application-page';
import { ConsoleApplicationController } from './application.controller';
import { ConsoleCallsController } from './calls.controller';
import { ConsoleDispositionController } from './disposition.controller';
import { ConsoleInboxController } from './inbox.controller';

/** The console's casework pages: the inbox, an application's page with its actions, and the call-center agent's intake. */
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
  controllers: [ConsoleInboxController, ConsoleApplicationController, ConsoleDispositionController, ConsoleCallsController],
  providers: [ConsoleApplicationPage],
})
export class ConsoleInboxModule {}
