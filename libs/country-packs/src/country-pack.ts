import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countryPackSchema } from './country-pack-schema';

/** Names by language code: `{ "pt": "Saúde", "en": "Health" }`. */
export type PackNames = Record<string, string>;

/**
 * Everything one country configures without code: settings, law and a demo. Each is a folder of JSON,
 * `packs/<code>/pack.json`, `law.json` and `demo.json` (docs/country-packs.md).
 */
export interface CountryPack {
  /** The folder's name, as COUNTRY_PACK names it: `tr`, `br`. */
  code: string;
  name: string;
  /** Defaults for settings the deployment does not set itself (SUPPORTED_LANGUAGES, DEFAULT_COUNTRY, CALENDAR_*, WORKING_*). */
  settings: Record<string, string>;
  /** Public-sector half days of the pack's CALENDAR_COUNTRY that date-holidays lacks or models otherwise. */
  halfDays: PackHalfDay[];
  law: PackLaw;
  demo: PackDemo;
}

/**
 * An afternoon off from `offFrom` (local 'HH:MM'): the eve of the holiday date-holidays gives under the rule string
 * `eveOf` (with `wholeDays`, that holiday becomes the eve's afternoon plus so many whole days), or a fixed 'MM-DD'.
 */
export type PackHalfDay = { eveOf: string; wholeDays?: number; offFrom: string } | { date: string; offFrom: string; name: string };

/** The legal frame: names of the application types, grounds for rejection and transfer, the deadlines. */
export interface PackLaw {
  applicationTypes: { code: string; names: PackNames; legalBasis: string | null }[];
  reasonCodes: { kind: 'rejection' | 'transfer'; code: string; names: PackNames; legalBasis: string | null }[];
  slaPolicies: PackSlaPolicy[];
}

export type PackTimeUnit = 'calendar_days' | 'working_days' | 'working_hours';

export interface PackSlaPolicy {
  code: string;
  applicationType: string | null;
  kind: 'first_response' | 'answer' | 'information';
  amount: number;
  unit: PackTimeUnit;
  onAwaitingCitizen: 'pause' | 'restart' | 'continue';
  onTransfer?: 'keep' | 'restart';
  extension?: { amount: number; unit: PackTimeUnit };
  requiresNoticeBeforeDeadline?: boolean;
  legalBasis: string;
}

/** A small directory to try the service with; loaded only into an empty database, never meant for production. */
export interface PackDemo {
  regions: { code: string; parentCode: string | null; kind: 'province' | 'district'; names: PackNames }[];
  agencies: {
    code: string;
    parentCode: string | null;
    kind: 'center' | 'triage' | 'ministry' | 'directorate' | 'district_office' | 'municipality' | 'other';
    names: PackNames;
    contactEmail: string | null;
    regionCode: string | null;
  }[];
  topics: { code: string; names: PackNames; keywords: string[]; defaultAgencyCode: string | null }[];
  routingRules: {
    code: string;
    position?: number;
    description?: string;
    typeCode?: string | null;
    topicCode?: string | null;
    provinceCode?: string | null;
    districtCode?: string | null;
    keywords?: string[] | null;
    agencyCode: string;
  }[];
  staff: { email: string; displayName: string; agencyCode: string; roles: string[]; language: string }[];
}

/** The pack a deployment gets when COUNTRY_PACK is not set. */
export const DEFAULT_COUNTRY_PACK = 'tr';

/** `packs/` beside `src/` in the source tree, copied beside the compiled lib into `dist/` by the build. */
export const PACKS_DIR = resolve(__dirname, '..', 'packs');

export class CountryPackError extends Error {}

export function countryPacksOnDisk(dir = PACKS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const loaded = new Map<string, CountryPack>();

/** The pack in `packs/<code>`, read and checked once per process; a missing or malformed pack throws, naming what is wrong. */
export function countryPack(code: string, dir = PACKS_DIR): CountryPack {
  const key = `${dir}\0${code}`;
  let pack = loaded.get(key);
  if (!pack) loaded.set(key, (pack = readCountryPack(code, dir)));
  return pack;
}

function readCountryPack(code: string, dir: string): CountryPack {
  const available = countryPacksOnDisk(dir);
  if (!available.includes(code)) throw new CountryPackError(`COUNTRY_PACK must be one of: ${available.join(', ')} (got "${code}")`);
  const read = (file: string): unknown => {
    const path = join(dir, code, file);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CountryPackError(`country pack ${code}: cannot read ${file}: ${(error as Error).message}`);
    }
  };
  const {
    name,
    settings,
    halfDays = [],
    notes,
  } = read('pack.json') as { name: string; settings: Record<string, string>; halfDays?: unknown[]; notes?: string[] };
  const candidate = { code, name, settings, halfDays, notes, law: read('law.json'), demo: read('demo.json') };
  const { value, error } = countryPackSchema.validate(candidate, { abortEarly: false });
  if (error) throw new CountryPackError(`country pack ${code} is not valid:\n${error.details.map((d) => `  - ${d.message}`).join('\n')}`);
  return value as CountryPack;
}
