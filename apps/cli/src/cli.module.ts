import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { ClockModule, DatabaseModule, EnvironmentModule, OutboxModule, SecurityModule } from '@petitio/platform';
import { RoutingModule } from '@petitio/routing';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [EnvironmentModule, DatabaseModule, ClockModule, OutboxModule, SecurityModule, DirectoryModule, CatalogueModule, RoutingModule],
  providers: [DemoSeeder],
})
export class CliModule {}
