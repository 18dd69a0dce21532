import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** One region's boundary as a file gives it: a GeoJSON geometry object, or WKT text (WGS 84) from a CSV. */
export interface BoundaryFeature {
  code: string;
  geometry: { geojson: string } | { wkt: string };
}

export type BoundaryProblemCode = 'no_code' | 'unknown_region' | 'duplicate_code' | 'unreadable' | 'not_a_polygon' | 'outside_wgs84';

/** What is wrong with one feature of a file; `feature` counts from 1 in the file's order. */
export interface BoundaryProblem {
  feature: number;
  code?: string;
  problem: BoundaryProblemCode;
  /** PostGIS's own words when it could not read the geometry. */
  detail?: string;
}

export interface BoundaryImport {
  imported: number;
  problems: BoundaryProblem[];
}

/** The SQL that reads a feature's geometry from parameter $1, in SRID 4326. */
function geometryOf(feature: BoundaryFeature): { sql: string; text: string } {
  return 'geojson' in feature.geometry
    ? { sql: 'ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)', text: feature.geometry.geojson }
    : { sql: 'ST_GeomFromText($1, 4326)', text: feature.geometry.wkt };
}

/**
 * District (and province) polygons, and the point lookup intake uses to place an application that carries a point.
 * An import replaces the boundaries of the regions it names, all of them or none: a file with one bad feature
 * changes nothing. Self-intersecting rings, as hand-drawn or simplified maps have, are repaired (ST_MakeValid).
 */
@Injectable()
export class RegionBoundaries {
  constructor(private readonly dataSource: DataSource) {}

  /** The district a point (WGS 84) lies in, the smallest where borders overlap; null without a loaded boundary there. */
  async districtAt(latitude: number, longitude: number, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: { code: string }[] = await manager.query(
      `SELECT b.region_code AS code FROM region_boundaries b JOIN regions r ON r.code = b.region_code AND r.kind = 'district'
       WHERE ST_Intersects(b.boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326))
       ORDER BY ST_Area(b.boundary), b.region_code LIMIT 1`,
      [longitude, latitude],
    );
    return rows[0]?.code ?? null;
  }

  /** How many regions have a boundary, for the operator's report. */
  async count(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query('SELECT count(*)::int AS n FROM region_boundaries');
    return rows[0].n;
  }

  async import(features: BoundaryFeature[]): Promise<BoundaryImport> {
    const problems = await this.check(features);
    if (problems.length) return { imported: 0, problems };
    await this.dataSource.transaction(async (manager) => {
      for (const feature of features) {
        const { sql, text } = geometryOf(feature);
        await manager.query(
          `INSERT INTO region_boundaries (region_code, boundary) VALUES ($2, ST_Multi(ST_CollectionExtract(ST_MakeValid(${sql}), 3)))
           ON CONFLICT (region_code) DO UPDATE SET boundary = EXCLUDED.boundary, imported_at = now()`,
          [text, feature.code],
        );
      }
    });
    return { imported: features.length, problems: [] };
  }

  private async check(features: BoundaryFeature[]): Promise<BoundaryProblem[]> {
    const codes = features.map((f) => f.code).filter(Boolean);
    const known = new Set(
      ((await this.dataSource.query('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes])) as { code: string }[]).map((r) => r.code),
    );
    const seen = new Set<string>();
    const problems: BoundaryProblem[] = [];
    for (const [index, feature] of features.entries()) {
      const at = { feature: index + 1, code: feature.code || undefined };
      if (!feature.code) problems.push({ ...at, problem: 'no_code' });
      else if (!known.has(feature.code)) problems.push({ ...at, problem: 'unknown_region' });
      else if (seen.has(feature.code)) problems.push({ ...at, problem: 'duplicate_code' });
      seen.add(feature.code);
      const geometryProblem = await this.geometryProblem(feature);
      if (geometryProblem) problems.push({ ...at, ...geometryProblem });
    }
    return problems;
  }

  private async geometryProblem(feature: BoundaryFeature): Promise<Pick<BoundaryProblem, 'problem' | 'detail'> | null> {
    const { sql, text } = geometryOf(feature);
    try {
      const [row]: { type: string; empty: boolean; inRange: boolean }[] = await this.dataSource.query(
        `SELECT GeometryType(g) AS type, ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(g), 3)) AS empty,
                ST_XMin(g) >= -180 AND ST_XMax(g) <= 180 AND ST_YMin(g) >= -90 AND ST_YMax(g) <= 90 AS "inRange"
         FROM (SELECT ${sql} AS g) x`,
        [text],
      );
      if (row.type !== 'POLYGON' && row.type !== 'MULTIPOLYGON') return { problem: 'not_a_polygon' };
      if (row.empty) return { problem: 'not_a_polygon' };
      return row.inRange ? null : { problem: 'outside_wgs84' };
    } catch (error) {
      return { problem: 'unreadable', detail: (error as Error).message };
    }
  }
}
