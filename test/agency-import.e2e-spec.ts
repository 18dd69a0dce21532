import { CliRun, runCli } from './support/cli';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-services';

const HEADER = ['code', 'parent_code', 'kind', 'contact_email', 'region_code', 'name_tr', 'name_en', 'name_ar'];
const PROVINCES = 81;
const DISTRICTS_PER_PROVINCE = 24;
const TREE_SIZE = 1 + PROVINCES + PROVINCES * DISTRICTS_PER_PROVINCE;

function csvLine(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

/** A ministry → 81 provincial directorates → district offices, children listed before their parents. */
function healthMinistryTree(): string[][] {
  const two = (n: number) => String(n).padStart(2, '0');
  const regions: Record<string, string> = { '06': 'TR-06', '34': 'TR-34', '35': 'TR-35' };
  const rows = [['SB', '', 'ministry', 'bilgi@saglik.gov.tr', '', 'Sağlık Bakanlığı, Merkez', 'Ministry of Health, Headquarters', 'وزارة الصحة']];
  for (let p = 1; p <= PROVINCES; p++) {
    const province = `SB-${two(p)}`;
    rows.push([
      province,
      'SB',
      'directorate',
      `il${two(p)}@saglik.gov.tr`,
      regions[two(p)] ?? '',
      `İl Sağlık Müdürlüğü ${two(p)}`,
      `Provincial Health Directorate ${two(p)}`,
      'مديرية الصحة',
    ]);
    for (let d = 1; d <= DISTRICTS_PER_PROVINCE; d++) {
      rows.push([
        `${province}-${two(d)}`,
        province,
        'district_office',
        '',
        '',
        `İlçe Sağlık Müdürlüğü ${two(p)}-${two(d)}, Şube "Çağ"`,
        `District Health Office ${two(p)}-${two(d)}`,
        '',
      ]);
    }
  }
  return rows.reverse();
}

describe('loading the agency directory from CSV', () => {
  let databaseName: string;
  let db: Pool;
  let dir: string;

  beforeAll(async () => {
    databaseName = await createTestDatabase();
    db = new Pool({ connectionString: databaseUrl(databaseName), max: 2 });
    dir = await mkdtemp(join(tmpdir(), 'petitio-agencies-'));
  });
  afterAll(async () => {
    await db?.end();
    if (databaseName) await dropTestDatabase(databaseName);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function writeCsv(name: string, rows: string[][], header = HEADER): Promise<string> {
    const path = join(dir, name);
    // As Excel writes "CSV UTF-8": a BOM and CRLF line ends.
    await writeFile(path, '\uFEFF' + [header, ...rows].map(csvLine).join('\r\n') + '\r\n');
    return path;
  }

  const importAgencies = (...args: string[]): Promise<CliRun> => runCli(databaseUrl(databaseName), 'import-agencies', ...args);

  async function directorySnapshot(): Promise<unknown[]> {
    const { rows } = await db.query(
      `SELECT a.code, p.code AS parent, a.kind, a.names, a.contact_email, a.region_code
       FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id ORDER BY a.code`,
    );
    return rows;
  }

  async function codesLike(pattern: string): Promise<string[]> {
    const { rows } = await db.query('SELECT code FROM agencies WHERE code LIKE $1 ORDER BY code', [pattern]);
    return rows.map((r) => r.code);
  }

  describe('a good file of a whole ministry', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeCsv('ministry.csv', healthMinistryTree());
    });

    it('writes nothing when PostgreSQL refuses the very last row, several batches in', async () => {
      // Parents go first, so the first file row's last district office is the last row written.
      await db.query(`CREATE FUNCTION refuse_agency() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused %', NEW.code; END $$`);
      await db.query(`CREATE TRIGGER refuse_agency BEFORE INSERT ON agencies FOR EACH ROW WHEN (NEW.code = 'SB-01-01') EXECUTE FUNCTION refuse_agency()`);
      try {
        const run = await importAgencies(path);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain('refused SB-01-01');
        expect(await codesLike('SB%')).toEqual([]);
      } finally {
        await db.query('DROP TRIGGER refuse_agency ON agencies; DROP FUNCTION refuse_agency()');
      }
    });

    it('loads a ministry, its 81 provincial directorates and their district offices, each linked to its parent', async () => {
      const run = await importAgencies(path);
      expect(run).toMatchObject({ exitCode: 0, stderr: '' });
      expect(run.stdout).toContain(`${TREE_SIZE} rows read, 0 problems: ${TREE_SIZE} agencies written (${TREE_SIZE} new, 0 updated), 0 rows skipped`);

      const { rows } = await db.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE a.parent_id IS NULL)::int AS roots,
                count(*) FILTER (WHERE a.kind = 'district_office' AND p.code <> substr(a.code, 1, 5))::int AS misplaced
         FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = 'SB' OR a.code LIKE 'SB-%'`,
      );
      expect(rows[0]).toEqual({ total: TREE_SIZE, roots: 1, misplaced: 0 });

      const snapshot = (await directorySnapshot()) as { code: string }[];
      expect(snapshot.filter((a) => ['SB', 'SB-34', 'SB-34-07'].includes(a.code))).toEqual([
        {
          code: 'SB',
          parent: null,
          kind: 'ministry',
          names: { tr: 'Sağlık Bakanlığı, Merkez', en: 'Ministry of Health, Headquarters', ar: 'وزارة الصحة' },
          contact_email: 'bilgi@saglik.gov.tr',
          region_code: null,
        },
        {
          code: 'SB-34',
          parent: 'SB',
          kind: 'directorate',
          names: { tr: 'İl Sağlık Müdürlüğü 34', en: 'Provincial Health Directorate 34', ar: 'مديرية الصحة' },
          contact_email: 'il34@saglik.gov.tr',
          region_code: 'TR-34',
        },
        {
          code: 'SB-34-07',
          parent: 'SB-34',
          kind: 'district_office',
          names: { tr: 'İlçe Sağlık Müdürlüğü 34-07, Şube "Çağ"', en: 'District Health Office 34-07' },
          contact_email: null,
          region_code: null,
        },
      ]);
    });

    it('changes nothing when the same file is loaded again', async () => {
      const before = await directorySnapshot();
      const run = await importAgencies(path);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(`${TREE_SIZE} agencies written (0 new, ${TREE_SIZE} updated)`);
      expect(await directorySnapshot()).toEqual(before);
    });

    it('refuses a file that would put an agency under its own descendant in the stored directory, and writes nothing', async () => {
      const before = await directorySnapshot();
      const loop = await writeCsv('loop.csv', [['SB', 'SB-34-07', 'ministry', 'bilgi@saglik.gov.tr', '', 'Sağlık Bakanlığı', 'Ministry of Health', '']]);
      const run = await importAgencies(loop);
      expect(run.exitCode).toBe(1);
      expect(run.stderr.trim()).toBe('line 2 (code SB): parent_code: this parent puts the agency under itself in the stored directory');
      expect(await directorySnapshot()).toEqual(before);
    });
  });

  describe('a file with bad rows', () => {
    const rows = [
      ['NEW-OK', 'MOH', 'directorate', 'ok@saglik.gov.tr', 'TR-34', 'Yeni Müdürlük', 'New Directorate', ''],
      ['NEW-EMAIL', 'MOH', 'directorate', 'not-an-email', '', 'E-posta', 'Email', ''],
      ['NEW-KIND', 'MOH', 'hospital', '', '', 'Hastane', 'Hospital', ''],
      ['NEW-ORPHAN', 'NOWHERE', 'directorate', '', '', 'Yetim', 'Orphan', ''],
      ['NEW-OK', 'MOH', 'directorate', '', '', 'Tekrar', 'Again', ''],
      ['NEW-CHILD', 'NEW-EMAIL', 'district_office', '', '', 'Alt birim', 'Child', ''],
      ['NEW-A', 'NEW-B', 'other', '', '', 'A', 'A', ''],
      ['NEW-B', 'NEW-A', 'other', '', '', 'B', 'B', ''],
      ['NEW-REGION', 'MOH', 'directorate', '', 'TR-99', 'Bölge', 'Region', ''],
      ['NEW-OK-KDK', 'NEW-OK', 'district_office', '', 'TR-34-KDK', 'Kadıköy', 'Kadikoy', ''],
    ];
    const problems = [
      'line 3 (code NEW-EMAIL): contact_email: not a valid email address',
      'line 4 (code NEW-KIND): kind: must be one of center, triage, ministry, directorate, district_office, municipality, other',
      'line 5 (code NEW-ORPHAN): parent_code: unknown agency NOWHERE: neither in this file nor in the directory',
      'line 6 (code NEW-OK): code: appears twice: already on line 2',
      'line 7 (code NEW-CHILD): parent_code: parent NEW-EMAIL on line 3 cannot be loaded',
      'line 8 (code NEW-A): parent_code: parents form a cycle: NEW-A → NEW-B → NEW-A',
      'line 9 (code NEW-B): parent_code: parents form a cycle: NEW-B → NEW-A → NEW-B',
      'line 10 (code NEW-REGION): region_code: unknown region TR-99',
    ];
    let path: string;

    beforeAll(async () => {
      path = await writeCsv('bad-rows.csv', rows);
    });

    it('prints each bad line, exits 1 and writes nothing, not even the good rows', async () => {
      const before = await directorySnapshot();
      const run = await importAgencies(path);
      expect(run.exitCode).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual(problems);
      expect(run.stdout).toContain('10 rows read, 8 problems: nothing was written (--skip-invalid loads the valid rows)');
      expect(await directorySnapshot()).toEqual(before);
    });

    it('with --skip-invalid writes only the rows that can be loaded and still prints the others', async () => {
      const run = await importAgencies(path, '--skip-invalid');
      expect(run.exitCode).toBe(0);
      expect(run.stderr.trim().split('\n')).toEqual(problems);
      expect(run.stdout).toContain('10 rows read, 8 problems: 2 agencies written (2 new, 0 updated), 8 rows skipped');
      expect(await codesLike('NEW-%')).toEqual(['NEW-OK', 'NEW-OK-KDK']);
      const written = (await directorySnapshot()).filter((a) => (a as { code: string }).code.startsWith('NEW-'));
      expect(written).toEqual([
        {
          code: 'NEW-OK',
          parent: 'MOH',
          kind: 'directorate',
          names: { tr: 'Yeni Müdürlük', en: 'New Directorate' },
          contact_email: 'ok@saglik.gov.tr',
          region_code: 'TR-34',
        },
        {
          code: 'NEW-OK-KDK',
          parent: 'NEW-OK',
          kind: 'district_office',
          names: { tr: 'Kadıköy', en: 'Kadikoy' },
          contact_email: null,
          region_code: 'TR-34-KDK',
        },
      ]);
    });
  });

  it('refuses a file whose header is wrong, even with --skip-invalid', async () => {
    const path = await writeCsv('bad-header.csv', [['HDR-1', 'MOH', 'directorate', '', 'Bir']], ['code', 'parent', 'kind', 'contact_email', 'name_tr']);
    const run = await importAgencies(path, '--skip-invalid');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('line 1: parent: unknown column');
    expect(run.stderr).toContain('line 1: parent_code: missing column');
    expect(run.stderr).toContain('line 1: region_code: missing column');
    expect(await codesLike('HDR-%')).toEqual([]);
  });
});
