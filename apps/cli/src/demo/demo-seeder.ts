import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { AGENCY_TREE_LOCK, DirectoryService } from '@petitio/directory';
import { RoutingRulesService } from '@petitio/routing';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { PasswordHasher } from '@petitio/staff';
import { DEMO_STAFF_PASSWORD, demoAgencies, demoRegions, demoRoutingRules, demoStaff, demoTopics } from './demo-data';

export type DemoSeedOutcome = { loaded: true; regions: number; agencies: number; topics: number; rules: number; staff: number } | { loaded: false };

/**
 * Loads the demo directory, topics, rules and staff into a database whose directory is empty. Once there is any agency
 * (the demo loaded before, or a real directory imported) it changes nothing: `start` and compose run it on every
 * start, and what admins changed, renamed or deleted since must stay so, and demo data never mixes with real data.
 */
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

  async seed(): Promise<DemoSeedOutcome> {
    // A known password is fine for a demo and never acceptable in production.
    const withStaff = this.env.NODE_ENV !== 'production';
    const passwordHash = withStaff ? await this.hasher.hash(DEMO_STAFF_PASSWORD) : '';
    const loaded = await this.dataSource.transaction(async (manager) => {
      // The lock the admin pages and the CSV import take to change the tree: two starts at once load the demo once.
      await manager.query(`SELECT pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`);
      const [{ any }]: { any: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM agencies) AS any');
      if (any) return false;
      await this.directory.upsertRegions(demoRegions, manager);
      await this.directory.upsertAgencies(demoAgencies, manager);
      await this.catalogue.upsertTopics(demoTopics, manager);
      await this.rules.upsert(demoRoutingRules, manager);
      if (!withStaff) return true;
      for (const user of demoStaff) {
        await manager.query(
          `INSERT INTO staff_users (agency_id, email, display_name, roles, password_hash, status, language)
           SELECT id, $2, $3, $4, $5, 'active', 'en' FROM agencies WHERE code = $1
           ON CONFLICT (lower(email)) DO NOTHING`,
          [user.agencyCode, user.email, user.displayName, user.roles, passwordHash],
        );
      }
      return true;
    });
    if (!loaded) return { loaded: false };
    return {
      loaded: true,
      regions: demoRegions.length,
      agencies: demoAgencies.length,
      topics: demoTopics.length,
      rules: demoRoutingRules.length,
      staff: withStaff ? demoStaff.length : 0,
    };
  }
}
