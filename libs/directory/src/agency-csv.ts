import { isUtf8 } from 'node:buffer';
import { isEmail } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { AGENCY_KINDS, AgencyKind, LocalisedNames } from './agency.entity';
import { AGENCY_CODE_PATTERN, CONTROL_CHARACTER } from './agency-rules';
import type { AgencyRecord } from './directory.service';

const REQUIRED_COLUMNS = ['code', 'parent_code', 'kind', 'contact_email', 'region_code'];
const NAME_COLUMN = /^name_([a-z]{2,3})$/;

/** What is wrong with one line of an agency CSV; line 1 is the header. */
export interface AgencyCsvProblem {
  line: number;
  code?: string;
  field: string;
  message: string;
}

/** One data row as written in the file (trimmed), before any rule is checked. */
export interface AgencyCsvRow {
  line: number;
  code: string;
  parentCode: string;
  kind: string;
  contactEmail: string;
  regionCode: string;
  names: LocalisedNames;
}

/** The rows of a file, and what made a row or the whole file unreadable. */
export interface AgencyCsvSheet {
  rows: AgencyCsvRow[];
  problems: AgencyCsvProblem[];
}

/** What the directory already holds, passed in so that checking a file needs no database. */
export interface StoredDirectory {
  agencyCodes: ReadonlySet<string>;
  regionCodes: ReadonlySet<string>;
  triageCode: string | null;
}

export interface AgencyCsvResult {
  /** Rows that can be loaded: no problem of their own, and a parent that is stored or loadable too. */
  records: AgencyRecord[];
  problems: AgencyCsvProblem[];
}

/** Reads and checks an agency CSV against what the directory already holds. */
export function parseAgencyCsv(content: Buffer | string, stored: StoredDirectory): AgencyCsvResult {
  return checkAgencyRows(readAgencyCsv(content), stored);
}

/** Splits a file into rows by its header; checks only what makes a file or row unreadable. */
export function readAgencyCsv(content: Buffer | string): AgencyCsvSheet {
  if (typeof content !== 'string' && !isUtf8(content)) {
    const text = content.toString('utf8');
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    return { rows: [], problems: [{ line, field: 'file', message: 'is not UTF-8 text; export it as "CSV UTF-8"' }] };
  }
  // csv-parse counts a CRLF inside a quoted field as two lines, so line numbers drift unless we normalise.
  const text = String(content)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const table: { cells: string[]; line: number; lastLine: number }[] = [];
  try {
    parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      on_record: (cells: string[], { lines }) => void table.push({ cells, line: firstLine(cells, lines), lastLine: lines }),
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { rows: [], problems: [unreadableFile(error, table.at(-1)?.lastLine ?? 0)] };
  }
  if (table.length === 0) {
    return { rows: [], problems: [{ line: 1, field: 'file', message: `is empty; the first line must name the columns ${expectedColumns()}` }] };
  }
  const [headerRow, ...dataRows] = table;
  const header = readHeader(headerRow.cells, headerRow.line);
  if (header.problems.length > 0) return { rows: [], problems: header.problems };

  const problems: AgencyCsvProblem[] = [];
  const rows = dataRows.map(({ cells, line }) => {
    const cell = (column: string) => (cells[header.columns.get(column)!] ?? '').trim();
    const names: LocalisedNames = {};
    for (const [language, index] of header.languages) {
      const name = (cells[index] ?? '').trim();
      if (name) names[language] = name;
    }
    const row = {
      line,
      code: cell('code'),
      parentCode: cell('parent_code'),
      kind: cell('kind'),
      contactEmail: cell('contact_email'),
      regionCode: cell('region_code'),
      names,
    };
    if (cells.length !== headerRow.cells.length) {
      problems.push({
        line,
        code: row.code || undefined,
        field: 'row',
        message: `has ${cells.length} values but the header has ${headerRow.cells.length} columns`,
      });
    }
    return row;
  });
  return { rows, problems };
}

/** Checks every row against the directory's rules; a row whose parent cannot be loaded cannot be loaded either. */
export function checkAgencyRows(sheet: AgencyCsvSheet, stored: StoredDirectory): AgencyCsvResult {
  const problems = [...sheet.problems];
  const report = (row: AgencyCsvRow, field: string, message: string) => problems.push({ line: row.line, code: row.code || undefined, field, message });
  const firstByCode = new Map<string, AgencyCsvRow>();
  for (const row of sheet.rows) if (row.code && !firstByCode.has(row.code)) firstByCode.set(row.code, row);

  // Values of a row with too few or too many cells sit in the wrong columns: checking them would only mislead.
  const unreadable = new Set(sheet.problems.map((p) => p.line));
  const readable = sheet.rows.filter((row) => !unreadable.has(row.line));
  for (const row of readable) checkRow(row, firstByCode, stored, (field, message) => report(row, field, message));
  checkTriage(readable, stored, report);
  for (const cycle of parentCycles(firstByCode)) {
    cycle.forEach((row, i) => {
      const path = [...cycle.slice(i), ...cycle.slice(0, i), row].map((r) => r.code).join(' → ');
      report(row, 'parent_code', `parents form a cycle: ${path}`);
    });
  }

  const hasProblem = new Set(problems.map((p) => p.line));
  const records = loadableRows(sheet.rows, firstByCode, stored, hasProblem, report).map(toRecord);
  return { records, problems: problems.sort((a, b) => a.line - b.line) };
}

/** Rows without a problem whose parent is stored or loadable too; reports each row held back by its parent. */
function loadableRows(
  rows: AgencyCsvRow[],
  firstByCode: Map<string, AgencyCsvRow>,
  stored: StoredDirectory,
  hasProblem: Set<number>,
  report: (row: AgencyCsvRow, field: string, message: string) => void,
): AgencyCsvRow[] {
  const loadable = new Map<AgencyCsvRow, boolean>();
  // A parent already stored will be there to link to whatever its row in this file holds.
  const parentInFile = (row: AgencyCsvRow) => (row.parentCode && !stored.agencyCodes.has(row.parentCode) ? firstByCode.get(row.parentCode) : undefined);
  for (const start of rows) {
    // Walks up to a known verdict. Every row on a cycle has a problem, so `onChain` only guards against a slip.
    const chain: AgencyCsvRow[] = [];
    const onChain = new Set<AgencyCsvRow>();
    let row = start as AgencyCsvRow | undefined;
    while (row && !loadable.has(row) && !hasProblem.has(row.line) && !onChain.has(row)) {
      chain.push(row);
      onChain.add(row);
      row = parentInFile(row);
    }
    if (row && !loadable.has(row) && !onChain.has(row)) loadable.set(row, false);
    for (const child of chain.reverse()) {
      const parent = parentInFile(child);
      const ok = !parent || loadable.get(parent) === true;
      if (!ok) report(child, 'parent_code', `parent ${child.parentCode} on line ${parent!.line} cannot be loaded`);
      loadable.set(child, ok);
    }
  }
  return rows.filter((row) => loadable.get(row));
}

function readHeader(cells: string[], line: number) {
  const problems: AgencyCsvProblem[] = [];
  const columns = new Map<string, number>();
  const languages = new Map<string, number>();
  const report = (field: string, message: string) => problems.push({ line, field, message });
  if (cells.length === 1 && cells[0].includes(';')) {
    report('file', 'columns are separated by semicolons; export the file as comma-separated CSV');
    return { columns, languages, problems };
  }
  cells.forEach((cell, index) => {
    const column = cell.trim().toLowerCase();
    const language = NAME_COLUMN.exec(column)?.[1];
    if (columns.has(column) || (language && languages.has(language))) report(column, 'column appears twice');
    else if (language) languages.set(language, index);
    else if (REQUIRED_COLUMNS.includes(column)) columns.set(column, index);
    else report(column || `column ${index + 1}`, `unknown column; expected ${expectedColumns()}`);
  });
  for (const column of REQUIRED_COLUMNS) if (!columns.has(column)) report(column, 'missing column');
  if (languages.size === 0) report('name_<language>', 'at least one name column is required, e.g. name_tr');
  return { columns, languages, problems };
}

/** Checks one row's own values, in the order of the columns. */
function checkRow(row: AgencyCsvRow, firstByCode: Map<string, AgencyCsvRow>, stored: StoredDirectory, report: (field: string, message: string) => void): void {
  if (!row.code) report('code', 'is required');
  else if (!AGENCY_CODE_PATTERN.test(row.code)) report('code', 'must be 1 to 64 characters, each a letter A-Z, a digit, "-" or "_"');
  else if (firstByCode.get(row.code) !== row) report('code', `appears twice: already on line ${firstByCode.get(row.code)!.line}`);

  if (row.parentCode && row.parentCode === row.code) report('parent_code', 'an agency cannot be its own parent');
  else if (row.parentCode && !firstByCode.has(row.parentCode) && !stored.agencyCodes.has(row.parentCode)) {
    report('parent_code', `unknown agency ${row.parentCode}: neither in this file nor in the directory`);
  }

  if (!row.kind) report('kind', 'is required');
  else if (!(AGENCY_KINDS as readonly string[]).includes(row.kind)) report('kind', `must be one of ${AGENCY_KINDS.join(', ')}`);

  if (row.contactEmail && !isEmail(row.contactEmail)) report('contact_email', 'not a valid email address');
  if (row.regionCode && !stored.regionCodes.has(row.regionCode)) report('region_code', `unknown region ${row.regionCode}`);

  if (Object.keys(row.names).length === 0) report('name', 'at least one name_<language> value is required');
  for (const [language, name] of Object.entries(row.names)) {
    // PostgreSQL cannot store U+0000 in jsonb; line breaks and other control characters break every screen a name is shown on.
    if (CONTROL_CHARACTER.test(name)) report(`name_${language}`, 'contains a line break or another control character');
  }
}

/** The database allows one triage unit: the one that receives whatever no routing rule claims. */
function checkTriage(rows: AgencyCsvRow[], stored: StoredDirectory, report: (row: AgencyCsvRow, field: string, message: string) => void): void {
  const triage = rows.filter((row) => row.kind === 'triage');
  for (const row of triage) {
    if (stored.triageCode && row.code !== stored.triageCode)
      report(row, 'kind', `only one triage unit is allowed and the directory already has ${stored.triageCode}`);
    else if (!stored.triageCode && row !== triage[0]) report(row, 'kind', `only one triage unit is allowed; line ${triage[0].line} is one already`);
  }
}

/** Each cycle once, following parent codes between rows of the file. */
function parentCycles(firstByCode: Map<string, AgencyCsvRow>): AgencyCsvRow[][] {
  const state = new Map<AgencyCsvRow, 'on-path' | 'done'>();
  const cycles: AgencyCsvRow[][] = [];
  for (const start of firstByCode.values()) {
    const path: AgencyCsvRow[] = [];
    let row = start as AgencyCsvRow | undefined;
    while (row && !state.has(row)) {
      state.set(row, 'on-path');
      path.push(row);
      // A self-parent is reported on its own, not as a cycle.
      row = row.parentCode === row.code ? undefined : firstByCode.get(row.parentCode);
    }
    if (row && state.get(row) === 'on-path') cycles.push(path.slice(path.indexOf(row)));
    for (const visited of path) state.set(visited, 'done');
  }
  return cycles;
}

function unreadableFile(error: CsvError, lastGoodLine: number): AgencyCsvProblem {
  // csv-parse names the line where it gave up, the end of the file; the quote was opened just after the last good record.
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return { line: lastGoodLine + 1, field: 'file', message: 'a quoted value starts on this line and is never closed' };
  return { line: typeof error.lines === 'number' ? error.lines : lastGoodLine + 1, field: 'file', message: `cannot be read as CSV: ${error.message}` };
}

function toRecord(row: AgencyCsvRow): AgencyRecord {
  return {
    code: row.code,
    parentCode: row.parentCode || null,
    kind: row.kind as AgencyKind,
    names: row.names,
    contactEmail: row.contactEmail || null,
    regionCode: row.regionCode || null,
  };
}

/** csv-parse reports the line a record ends on; a quoted field may span several. */
function firstLine(cells: string[], lastLine: number): number {
  return lastLine - cells.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
}

function expectedColumns(): string {
  return `${REQUIRED_COLUMNS.join(', ')} and name_<language> (e.g. name_tr)`;
}
