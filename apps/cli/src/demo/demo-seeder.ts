import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import { RoutingRulesService } from '@petitio/routing';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { PasswordHasher } from '@petitio/staff';
import { DEMO_STAFF_PASSWORD, demoAgencies, demoRegions, demoRoutingRules, demoStaff, demoTopics } from './demo-data';

/** Loads the demo directory, topics and rules. Running it again changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly catalogue: CatalogueService,
    private readonly rules: RoutingRulesService,
    private readonly hasher: PasswordHasher,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async seed(): Promise<{ regions: number; agencies: number; topics: number; rules: number; staff: number }> {
    // A known password is fine for a demo and never acceptable in production.
    const withStaff = this.env.NODE_ENV !== 'production';
    const passwordHash = withStaff ? await this.hasher.hash(DEMO_STAFF_PASSWORD) : '';
    await this.dataSource.transaction(async (manager) => {
      await this.directory.upsertRegions(demoRegions, manager);
      await this.directory.upsertAgencies(demoAgencies, manager);
      await this.catalogue.upsertTopics(demoTopics, manager);
      await this.rules.upsert(demoRoutingRules, manager);
      if (!withStaff) return;
      for (const user of demoStaff) {
        await manager.query(
          `INSERT INTO staff_users (agency_id, email, display_name, roles, password_hash, status, language)
           SELECT id, $2, $3, $4, $5, 'active', 'en' FROM agencies WHERE code = $1
           ON CONFLICT (lower(email)) DO NOTHING`,
          [user.agencyCode, user.email, user.displayName, user.roles, passwordHash],
        );
      }
    });
    return {
      regions: demoRegions.length,
      agencies: demoAgencies.length,
      topics: demoTopics.length,
      rules: demoRoutingRules.length,
      staff: withStaff ? demoStaff.length : 0,
    };
  }
}
