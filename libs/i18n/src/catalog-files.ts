import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A catalog file: nested objects (and lists of them) whose leaves are ICU MessageFormat strings. */
export interface CatalogJson {
  [key: string]: string | CatalogJson | CatalogJson[];
}

/** The language every other catalog is translated from and checked against. */
export const SOURCE_LANGUAGE = 'en';

/**
 * The catalogs' folder: `catalogs/<language>/<namespace>.json`, beside `src/` in the source tree and copied
 * beside it into `dist/` by the build, so the same path works from both.
 */
export const CATALOGS_DIR = resolve(__dirname, '..', 'catalogs');

/** The languages that have a folder of catalogs, as BCP 47 tags (`tr`, `ar`, `pt-BR`). */
export function languagesOnDisk(dir = CATALOGS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function namespacesOnDisk(language: string, dir = CATALOGS_DIR): string[] {
  const folder = join(dir, language);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function readCatalog(language: string, namespace: string, dir = CATALOGS_DIR): CatalogJson | undefined {
  const file = join(dir, language, `${namespace}.json`);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as CatalogJson;
}
