import { BoundaryFeature } from '@petitio/directory';
import { CsvError, parse } from 'csv-parse/sync';

export class BoundaryFileError extends Error {}

/**
 * Reads district boundaries as mapping agencies publish them: a GeoJSON FeatureCollection whose features carry the
 * region code in a property (`codeProperty`), or a CSV with the columns `code` and `wkt` (WKT in WGS 84).
 */
export function readBoundaryFile(name: string, content: string, codeProperty = 'code'): BoundaryFeature[] {
  return /\.csv$/i.test(name) ? fromCsv(content) : fromGeoJson(content, codeProperty);
}

function fromGeoJson(content: string, codeProperty: string): BoundaryFeature[] {
  let parsed: { type?: unknown; features?: unknown };
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch (error) {
    throw new BoundaryFileError(`not JSON: ${(error as Error).message}`);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) throw new BoundaryFileError('not a GeoJSON FeatureCollection');
  return parsed.features.map((feature: { properties?: Record<string, unknown>; geometry?: unknown }) => ({
    code: String(feature?.properties?.[codeProperty] ?? '').trim(),
    geometry: { geojson: JSON.stringify(feature?.geometry ?? null) },
  }));
}

function fromCsv(content: string): BoundaryFeature[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new BoundaryFileError(error instanceof CsvError ? error.message : String(error));
  }
  if (rows.length && !('code' in rows[0] && 'wkt' in rows[0])) throw new BoundaryFileError('a boundary CSV needs the columns code and wkt');
  return rows.map((row) => ({ code: row.code, geometry: { wkt: row.wkt } }));
}
