import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * District boundaries, so that an application which carries a point (a phone's location, an Open311 client's
 * lat/long) is placed in its district and routed by it. One (multi)polygon per region in WGS 84 (SRID 4326), as
 * GeoJSON and national mapping agencies publish them, held by PostGIS with a GiST index for the point lookup.
 */
export class RegionBoundaries1766000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS postgis;
      CREATE TABLE region_boundaries (
        region_code text PRIMARY KEY REFERENCES regions(code) ON DELETE CASCADE,
        boundary geometry(MultiPolygon, 4326) NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX region_boundaries_boundary_idx ON region_boundaries USING gist (boundary);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: other schemas of the same database may use it.
    await q.query(`DROP TABLE region_boundaries`);
  }
}
