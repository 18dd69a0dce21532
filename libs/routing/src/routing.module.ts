import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { RoutingRule } from './routing-rule.entity';
import { RoutingRulesAdmin } from './routing-rules-admin.service';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingService } from './routing.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule]), CatalogueModule, DirectoryModule],
  providers: [RoutingService, RoutingRulesService, RoutingRulesAdmin],
  exports: [RoutingService, RoutingRulesService, RoutingRulesAdmin],
})
export class RoutingModule {}
