import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import { RoutingRulesService } from '@petitio/routing';
import { DataSource } from 'typeorm';
import { demoAgencies, demoRegions, demoRoutingRules, demoTopics } from './demo-data';

/** Loads the demo directory, topics and rules. Running it again changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly catalogue: CatalogueService,
    private readonly rules: RoutingRulesService,
  ) {}

  async seed(): Promise<{ regions: number; agencies: number; topics: number; rules: number }> {
    await this.dataSource.transaction(async (manager) => {
      await this.directory.upsertRegions(demoRegions, manager);
      await this.directory.upsertAgencies(demoAgencies, manager);
      await this.catalogue.upsertTopics(demoTopics, manager);
      await this.rules.upsert(demoRoutingRules, manager);
    });
    return { regions: demoRegions.length, agencies: demoAgencies.length, topics: demoTopics.length, rules: demoRoutingRules.length };
  }
}
