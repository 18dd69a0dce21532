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
import { ApiClientsModule } from '@petitio/api-clients';
import { WebhooksModule } from '@petitio/webhooks';
import { ConsoleApiClientsController } from './api-clients.controller';
import { ConsoleDirectoryController } from './directory.controller';
import { ConsoleRoutingController } from './routing.controller';
import { ConsoleSlaPoliciesController } from './sla-policies.controller';
import { ConsoleTopicsController } from './topics.controller';
import { ConsoleUsersController } from './users.controller';
import { ConsoleWebhooksController } from './webhooks.controller';

/** The console's admin pages: staff users, the agency directory, topics, routing rules, SLA policies, API keys and webhooks. */
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
    ApiClientsModule,
    WebhooksModule,
  ],
  controllers: [
    ConsoleUsersController,
    ConsoleDirectoryController,
    ConsoleTopicsController,
    ConsoleRoutingController,
    ConsoleSlaPoliciesController,
    ConsoleApiClientsController,
    ConsoleWebhooksController,
  ],
})
export class ConsoleAdminModule {}
