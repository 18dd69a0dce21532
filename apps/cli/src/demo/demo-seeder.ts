import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_TREE_LOCK, DirectoryService, RegionBoundaries } from '@petitio/directory';
import { RoutingRulesService } from '@petitio/routing';
import { DataSource } from 'typeorm';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { PasswordHasher } from '@petitio/staff';
import { PACKS_DIR, countryPack } from '@petitio/country-packs';
import { readBoundaryFile } from '../boundaries/boundary-file';

/** Every demo staff member's password: fine for a demo, and never created in production. */
export const DEMO_STAFF_PASSWORD = 'petitio-demo-password';

export type DemoSeedOutcome =
  { loaded: true; regions: number; boundaries: number; agencies: number; topics: number; rules: number; staff: number } | { loaded: false };

/** A pack's demo may draw its districts (rough outlines, enough to place a demo point), as a GeoJSON FeatureCollection. */
const DEMO_BOUNDARIES_FILE = 'demo-boundaries.json';

/**
 * Loads the country pack's demo directory, topics, rules and staff into a database whose directory is empty. Once there is any agency
 * (the demo loaded before, or a real directory imported) it changes nothing: `start` and compose run it on every
 * start, and what admins changed, renamed or deleted since must stay so, and demo data never mixes with real data.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly boundaries: RegionBoundaries,
    private readonly catalogue: CatalogueService,
    private readonly rules: RoutingRulesService,
    private readonly hasher: PasswordHasher,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async seed(): Promise<DemoSeedOutcome> {
    const { regions, agencies, topics, routingRules, staff } = countryPack(this.env.COUNTRY_PACK).demo;
    // A known password is fine for a demo and never acceptable in production.
    const withStaff = this.env.NODE_ENV !== 'production';
    const passwordHash = withStaff ? await this.hasher.hash(DEMO_STAFF_PASSWORD) : '';
    const loaded = await this.dataSource.transaction(async (manager) => {
      // The lock the admin pages and the CSV import take to change the tree: two starts at once load the demo once.
      await manager.query(`SELECT pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`);
      const [{ any }]: { any: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM agencies) AS any');
      if (any) return false;
      await this.directory.upsertRegions(regions, manager);
      await this.directory.upsertAgencies(agencies, manager);
      await this.catalogue.upsertTopics(topics, manager);
      await this.rules.upsert(routingRules, manager);
      if (!withStaff) return true;
      for (const user of staff) {
        await manager.query(
          `INSERT INTO staff_users (agency_id, email, display_name, roles, password_hash, status, language)
           SELECT id, $2, $3, $4, $5, 'active', $6 FROM agencies WHERE code = $1
           ON CONFLICT (lower(email)) DO NOTHING`,
          [user.agencyCode, user.email, user.displayName, user.roles, passwordHash, user.language],
        );
      }
      return true;
    });
    if (!loaded) return { loaded: false };
    return {
      loaded: true,
      regions: regions.length,
      boundaries: await this.loadBoundaries(),
      agencies: agencies.length,
      topics: topics.length,
      rules: routingRules.length,
      staff: withStaff ? staff.length : 0,
    };
  }

  /** After the regions committed: the import checks every code against them. */
  private async loadBoundaries(): Promise<number> {
    const file = join(PACKS_DIR, this.env.COUNTRY_PACK, DEMO_BOUNDARIES_FILE);
    if (!existsSync(file)) return 0;
    const result = await this.boundaries.import(readBoundaryFile(file, readFileSync(file, 'utf8')));
    if (result.problems.length) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
    return result.imported;
  }
}
