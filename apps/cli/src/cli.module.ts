import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@petitio/applications';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { ClockModule, DatabaseModule, EnvironmentModule, OutboxModule, RateLimitModule, SecurityModule } from '@petitio/platform';
import { RoutingModule } from '@petitio/routing';
import { StaffModule } from '@petitio/staff';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [EnvironmentModule, DatabaseModule, ClockModule, OutboxModule, SecurityModule, RateLimitModule, DirectoryModule, CatalogueModule, RoutingModule, ApplicationsModule, StaffModule],
  providers: [DemoSeeder],
})
export class CliModule {}
