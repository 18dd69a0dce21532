import { Module } from '@nestjs/common';
import { ApiClientsModule } from '@petitio/api-clients';
import { IntakeModule } from '@petitio/intake';
import { CaseworkModule } from '@petitio/casework';
import { InboxModule } from '@petitio/inbox';
import { ReportingModule } from '@petitio/reporting';
import { AuditModule } from '@petitio/audit';
import { ChannelsModule } from '@petitio/channels';
import { ApplicationsModule } from '@petitio/applications';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { ClockModule, DatabaseModule, EnvironmentModule, OutboxModule, RateLimitModule, SecurityModule } from '@petitio/platform';
import { PrivacyModule } from '@petitio/privacy';
import { RoutingModule } from '@petitio/routing';
import { StaffModule } from '@petitio/staff';
import { CountryPackInstaller } from './country-pack/country-pack-installer';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [
    EnvironmentModule,
    DatabaseModule,
    ClockModule,
    OutboxModule,
    SecurityModule,
    RateLimitModule,
    DirectoryModule,
    CatalogueModule,
    RoutingModule,
    ApplicationsModule,
    IntakeModule,
    CaseworkModule,
    InboxModule,
    ReportingModule,
    AuditModule,
    ChannelsModule,
    StaffModule,
    ApiClientsModule,
    PrivacyModule,
  ],
  providers: [CountryPackInstaller, DemoSeeder],
})
export class CliModule {}
