import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Agency } from './agency.entity';
import { AGENCY_TREE_LOCK } from './agency-rules';
import { AgencyCsvProblem, AgencyCsvRow, StoredDirectory, checkAgencyRows, readAgencyCsv } from './agency-csv';
import { AgencyRecord, DirectoryService } from './directory.service';

/** Keeps each statement's JSON parameter small while 50,000 rows still take only 100 round trips. */
const BATCH_SIZE = 500;

/** Agencies of the file that the stored tree, with the file applied, puts above themselves. $1 the file's codes. */
const LOOPED_CODES = `
  WITH RECURSIVE up(start, id) AS (
    SELECT a.id, a.parent_id FROM agencies a WHERE a.code = ANY($1::text[]) AND a.parent_id IS NOT NULL
    UNION ALL
    SELECT up.start, p.parent_id FROM up JOIN agencies p ON p.id = up.id WHERE up.id <> up.start AND p.parent_id IS NOT NULL
  ) CYCLE id SET looped USING trail
  SELECT DISTINCT a.code FROM up JOIN agencies a ON a.id = up.start WHERE up.id = up.start`;

/** Thrown inside the import's transaction to undo it: the file would make the tree loop. */
class TreeLoop extends Error {
  constructor(readonly codes: string[]) {
    super('the file makes the agency tree loop');
  }
}

export interface AgencyImportOptions {
  /** Load the rows that can be loaded and report the others, instead of loading nothing. */
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface AgencyImportReport {
  /** Data rows in the file, header excluded. */
  rows: number;
  written: number;
  created: number;
  updated: number;
  problems: AgencyCsvProblem[];
}

/** Loads the agency directory from a CSV file, all of it in one transaction. */
@Injectable()
export class AgencyCsvImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
  ) {}

  async importFile(path: string, options: AgencyImportOptions = {}): Promise<AgencyImportReport> {
    const sheet = readAgencyCsv(await readFile(path));
    const stored = await this.storedDirectory(sheet.rows);
    const { records, problems } = checkAgencyRows(sheet, stored);
    const report: AgencyImportReport = { rows: sheet.rows.length, written: 0, created: 0, updated: 0, problems };
    if (records.length === 0 || (problems.length > 0 && !options.skipInvalid)) return report;

    const ordered = parentsFirst(records);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`);
        options.onProgress?.(0, ordered.length);
        for (let done = 0; done < ordered.length;) {
          const batch = ordered.slice(done, done + BATCH_SIZE);
          done += await this.directory.upsertAgencies(batch, manager);
          options.onProgress?.(done, ordered.length);
        }
        // The file was checked for loops within itself; with the stored tree it can still close one.
        const looped: { code: string }[] = await manager.query(LOOPED_CODES, [ordered.map((record) => record.code)]);
        if (looped.length) throw new TreeLoop(looped.map((row) => row.code));
      });
    } catch (error) {
      if (!(error instanceof TreeLoop)) throw error;
      const lineOf = new Map(sheet.rows.map((row) => [row.code, row.line]));
      const loops = error.codes.map((code) => ({
        line: lineOf.get(code) ?? 0,
        code,
        field: 'parent_code',
        message: 'this parent puts the agency under itself in the stored directory',
      }));
      return { ...report, problems: [...problems, ...loops] };
    }
    const created = records.filter((record) => !stored.agencyCodes.has(record.code)).length;
    return { ...report, written: records.length, created, updated: records.length - created };
  }

  private async storedDirectory(rows: AgencyCsvRow[]): Promise<StoredDirectory> {
    const agencyCodes = new Set(rows.flatMap((row) => [row.code, row.parentCode]).filter(Boolean));
    const regionCodes = new Set(rows.map((row) => row.regionCode).filter(Boolean));
    const [agencies, regions, triage] = await Promise.all([
      this.directory.existingAgencyCodes([...agencyCodes]),
      this.directory.existingRegionCodes([...regionCodes]),
      this.agencies.findOne({ where: { kind: 'triage' }, select: { code: true } }),
    ]);
    return { agencyCodes: agencies, regionCodes: regions, triageCode: triage?.code ?? null };
  }
}

/** upsertAgencies links a parent only when it is stored or in the same batch, so parents go in earlier batches. */
function parentsFirst(records: AgencyRecord[]): AgencyRecord[] {
  const byCode = new Map(records.map((record) => [record.code, record]));
  const depth = new Map<AgencyRecord, number>();
  for (const start of records) {
    // The file was checked for cycles, so every walk reaches a root or a record already measured.
    const chain: AgencyRecord[] = [];
    let record: AgencyRecord | undefined = start;
    while (record && !depth.has(record)) {
      chain.push(record);
      record = record.parentCode ? byCode.get(record.parentCode) : undefined;
    }
    let level = record ? depth.get(record)! : -1;
    for (const measured of chain.reverse()) depth.set(measured, ++level);
  }
  return [...records].sort((a, b) => depth.get(a)! - depth.get(b)!);
}
