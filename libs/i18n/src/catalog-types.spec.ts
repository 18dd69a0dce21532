import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { namespacesOnDisk, readCatalog, SOURCE_LANGUAGE, CatalogJson } from './catalog-files';
import { OPEN_MAPS } from './catalog-maps';
import { catalogTypesSource } from './catalog-typegen';

const TYPES_FILE = join(__dirname, 'catalog-types.ts');

function generated(): string {
  const namespaces: Record<string, CatalogJson> = {};
  for (const namespace of namespacesOnDisk(SOURCE_LANGUAGE)) namespaces[namespace] = readCatalog(SOURCE_LANGUAGE, namespace)!;
  return catalogTypesSource(namespaces, OPEN_MAPS);
}

describe('the catalogs’ generated types', () => {
  // `npm run catalogs:types` runs this with UPDATE_CATALOG_TYPES=1 to write the file.
  it('match the source catalogs (run `npm run catalogs:types` after changing them)', () => {
    const source = generated();
    if (process.env.UPDATE_CATALOG_TYPES === '1') writeFileSync(TYPES_FILE, source);
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(source);
  });

  it('lists only open maps that exist in the source catalogs', () => {
    const missing = Object.entries(OPEN_MAPS).flatMap(([namespace, paths]) =>
      paths.filter((path) => {
        const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], readCatalog(SOURCE_LANGUAGE, namespace));
        return value === null || typeof value !== 'object';
      }),
    );
    expect(missing).toEqual([]);
  });
});
