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
import { StaffModule } from '@petitio/staff';
import { ConsoleApplicationController } from './application.controller';
import { ConsoleCallsController } from './calls.controller';
import { ConsoleApplicationPage } from './application-page';
import { ConsoleDispositionController } from './disposition.controller';
import { ConsoleCsrf } from './console-csrf';
import { ConsoleErrorFilter } from './console-errors.filter';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleDashboardAssetsController, ConsoleDashboardController } from './dashboard/dashboard.controller';
import { ConsoleInboxController } from './inbox.controller';
import { ConsoleSetPasswordController } from './set-password.controller';
import { ConsoleSignInController } from './sign-in.controller';
import { ConsoleUsersController } from './users.controller';
import { ConsoleDirectoryController } from './admin/directory.controller';
import { ConsoleTopicsController } from './admin/topics.controller';
import { ConsoleRoutingController } from './admin/routing.controller';
import { ConsoleSlaPoliciesController } from './admin/sla-policies.controller';
import { RoutingModule } from '@petitio/routing';
import { SlaModule } from '@petitio/sla';

/** The staff console: server-rendered pages under /staff over the same services as the JSON staff API. */
@Module({
  imports: [ApplicationsModule, IntakeModule, CaseworkModule, InboxModule, ReportingModule, AuditModule, ChannelsModule, StaffModule, DirectoryModule, CatalogueModule, RoutingModule, SlaModule],
  controllers: [ConsoleSignInController, ConsoleSetPasswordController, ConsoleInboxController, ConsoleApplicationController, ConsoleDispositionController,
    ConsoleDashboardController, ConsoleDashboardAssetsController, ConsoleCallsController, ConsoleUsersController,
    ConsoleDirectoryController, ConsoleTopicsController, ConsoleRoutingController, ConsoleSlaPoliciesController],
  providers: [ConsoleCsrf, ConsoleSessionGuard, ConsoleErrorFilter, ConsoleApplicationPage],
})
export class ConsoleModule {}
