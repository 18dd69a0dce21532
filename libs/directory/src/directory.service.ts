import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Agency, AgencyKind, LocalisedNames, localise } from './agency.entity';
import { Region } from './region.entity';

export interface AgencyRecord {
  code: string;
  parentCode: string | null;
  kind: AgencyKind;
  names: LocalisedNames;
  contactEmail: string | null;
  regionCode: string | null;
}

const REGION_CACHE_MS = 60_000;

/** Reads and writes the agency tree and the regions it covers. */
@Injectable()
export class DirectoryService {
  private regionCache?: { at: number; byCode: Map<string, Region> };
  private triageId?: string;

  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(Region) private readonly regionRepo: Repository<Region>,
  ) {}

  /** The central unit that classifies whatever no routing rule claims. */
  async triageAgencyId(): Promise<string> {
    if (this.triageId) return this.triageId;
    const triage = await this.agencies.findOne({ where: { kind: 'triage', active: true } });
    if (!triage) throw new Error('no triage agency is configured: load the directory (seed or CSV) first');
    this.triageId = triage.id;
    return triage.id;
  }

  findById(id: string): Promise<Agency | null> {
    return this.agencies.findOne({ where: { id } });
  }

  /** Active agencies, for pick lists (transfer to…): id, code and the name in the wanted language, by name. */
  async activeAgencies(language: string): Promise<{ id: string; code: string; name: string }[]> {
    const rows = await this.agencies.find({ where: { active: true } });
    return rows.map((a) => ({ id: a.id, code: a.code, name: localise(a.names, language) })).sort((a, b) => a.name.localeCompare(b.name, language));
  }

  findByCode(code: string): Promise<Agency | null> {
    return this.agencies.findOne({ where: { code } });
  }

  async region(code: string): Promise<Region | undefined> {
    return (await this.regionsByCode()).get(code);
  }

  /** Every province and district, for pick lists. */
  async regions(): Promise<Region[]> {
    return [...(await this.regionsByCode()).values()];
  }

  private async regionsByCode(): Promise<Map<string, Region>> {
    const now = Date.now();
    if (!this.regionCache || now - this.regionCache.at > REGION_CACHE_MS) {
      const all = await this.regionRepo.find();
      this.regionCache = { at: now, byCode: new Map(all.map((r) => [r.code, r])) };
    }
    return this.regionCache.byCode;
  }

  async upsertRegions(regions: Region[], manager: EntityManager = this.regionRepo.manager): Promise<void> {
    // Parents first, so a district never references a province not yet written.
    const ordered = [...regions].sort((a, b) => Number(a.kind === 'district') - Number(b.kind === 'district'));
    for (const r of ordered) {
      await manager.query(
        `INSERT INTO regions (code, parent_code, kind, names) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, kind = EXCLUDED.kind, names = EXCLUDED.names`,
        [r.code, r.parentCode, r.kind, JSON.stringify(r.names)],
      );
    }
    this.regionCache = undefined;
  }

  /**
   * Inserts or updates agencies by code; a parent may be in the same batch or already
   * stored. Returns how many were written.
   */
  async upsertAgencies(records: AgencyRecord[], manager: EntityManager = this.agencies.manager): Promise<number> {
    if (records.length === 0) return 0;
    const rows = JSON.stringify(
      records.map((r) => ({
        code: r.code,
        parent_code: r.parentCode,
        kind: r.kind,
        names: r.names,
        contact_email: r.contactEmail,
        region_code: r.regionCode,
      })),
    );
    const recordset = `jsonb_to_recordset($1::jsonb) AS r(code text, parent_code text, kind text, names jsonb, contact_email text, region_code text)`;
    await manager.query(
      `INSERT INTO agencies (code, kind, names, contact_email, region_code)
       SELECT r.code, r.kind, r.names, r.contact_email, r.region_code FROM ${recordset}
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, names = EXCLUDED.names,
         contact_email = EXCLUDED.contact_email, region_code = EXCLUDED.region_code, updated_at = now()
       WHERE (agencies.kind, agencies.names, agencies.contact_email, agencies.region_code)
         IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.names, EXCLUDED.contact_email, EXCLUDED.region_code)`,
      [rows],
    );
    // Parents are linked in a second statement so a parent may appear in the same batch as its children.
    await manager.query(
      `UPDATE agencies a SET parent_id = p.id
       FROM ${recordset} LEFT JOIN agencies p ON p.code = r.parent_code
       WHERE a.code = r.code AND a.parent_id IS DISTINCT FROM p.id`,
      [rows],
    );
    this.triageId = undefined;
    return records.length;
  }

  async existingAgencyCodes(codes: string[], manager: EntityManager = this.agencies.manager): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await manager.query('SELECT code FROM agencies WHERE code = ANY($1::text[])', [codes]);
    return new Set(rows.map((r) => r.code));
  }

  async existingRegionCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await this.regionRepo.query('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes]);
    return new Set(rows.map((r) => r.code));
  }
}
