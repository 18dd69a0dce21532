import { AgencyCsvProblem, StoredDirectory, parseAgencyCsv } from './agency-csv';

const HEADER = 'code,parent_code,kind,contact_email,region_code,name_tr,name_en';

const stored: StoredDirectory = {
  agencyCodes: new Set(['MOH', 'TRIAGE']),
  regionCodes: new Set(['TR-34', 'TR-34-KDK']),
  triageCode: 'TRIAGE',
};

const empty: StoredDirectory = { agencyCodes: new Set(), regionCodes: new Set(), triageCode: null };

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

function problemsOf(content: string | Buffer, directory = stored): Omit<AgencyCsvProblem, 'message'>[] {
  return parseAgencyCsv(content, directory).problems.map(({ line, code, field }) => (code ? { line, code, field } : { line, field }));
}

describe('reading an agency CSV', () => {
  it('turns each row into an agency record, with a name per name_<language> column and empty cells as null', () => {
    const result = parseAgencyCsv(
      csv('MOH-34,MOH,directorate,il@saglik.gov.tr,TR-34,İstanbul İl Sağlık Müdürlüğü,Istanbul Health Directorate', 'ASKI,,municipality,,,,Ankara Water'),
      stored,
    );
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      {
        code: 'MOH-34',
        parentCode: 'MOH',
        kind: 'directorate',
        names: { tr: 'İstanbul İl Sağlık Müdürlüğü', en: 'Istanbul Health Directorate' },
        contactEmail: 'il@saglik.gov.tr',
        regionCode: 'TR-34',
      },
      { code: 'ASKI', parentCode: null, kind: 'municipality', names: { en: 'Ankara Water' }, contactEmail: null, regionCode: null },
    ]);
  });

  it('reads a UTF-8 BOM, CRLF line ends, quoted commas and quotes and Turkish letters as a spreadsheet exports them', () => {
    const lines = [HEADER, 'SISLI,MOH,directorate,,,"Şişli, Çağlayan Şubesi","Sisli, Caglayan ""Branch"""', 'KDK,MOH,district_office,,,Kadıköy,Kadikoy'];
    const result = parseAgencyCsv(Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n'), stored);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.code, r.names])).toEqual([
      ['SISLI', { tr: 'Şişli, Çağlayan Şubesi', en: 'Sisli, Caglayan "Branch"' }],
      ['KDK', { tr: 'Kadıköy', en: 'Kadikoy' }],
    ]);
  });

  it('reads a header whose names are quoted after the BOM', () => {
    const file = '\uFEFF"code","parent_code","kind","contact_email","region_code","name_tr"\n"MOH-34","MOH","directorate","","","İstanbul"\n';
    expect(parseAgencyCsv(Buffer.from(file), stored)).toEqual({
      records: [expect.objectContaining({ code: 'MOH-34', names: { tr: 'İstanbul' } })],
      problems: [],
    });
  });

  it('numbers lines as the file does: header is line 1, blank lines and multi-line quoted fields count', () => {
    const file = [HEADER, 'A,,ministry,,,A,', '', 'B,,ministry,bad,,"two', 'lines",', 'C,,ministry,bad,,C,', ',,,,,,', 'D,,ministry,bad,,D,'].join('\r\n');
    expect(problemsOf(file)).toEqual([
      { line: 4, code: 'B', field: 'contact_email' },
      { line: 4, code: 'B', field: 'name_tr' },
      { line: 6, code: 'C', field: 'contact_email' },
      { line: 8, code: 'D', field: 'contact_email' },
    ]);
  });

  it('names the line of the first byte that is not UTF-8, as when Excel saves in Windows-1254', () => {
    const latin = Buffer.concat([Buffer.from(csv('MOH-34,MOH,directorate,,,Istanbul,')), Buffer.from([0x49, 0xdd, 0x0a])]);
    expect(parseAgencyCsv(latin, stored)).toEqual({ records: [], problems: [{ line: 3, field: 'file', message: expect.stringContaining('UTF-8') }] });
  });

  it('names the line where a quoted value starts and is never closed, and reads nothing', () => {
    expect(parseAgencyCsv(csv('MOH-34,MOH,directorate,,,İstanbul,', 'MOH-06,MOH,directorate,,,"Ankara,', 'MOH-35,MOH,directorate,,,İzmir,'), stored)).toEqual({
      records: [],
      problems: [{ line: 3, field: 'file', message: 'a quoted value starts on this line and is never closed' }],
    });
  });

  it('reports a row whose number of values differs from the header', () => {
    expect(problemsOf(csv('MOH-34,MOH,directorate,,Istanbul', 'MOH-35,MOH,directorate,,,Izmir,Izmir,extra'))).toEqual([
      { line: 2, code: 'MOH-34', field: 'row' },
      { line: 3, code: 'MOH-35', field: 'row' },
    ]);
  });
});

describe('checking the header', () => {
  it('requires a header row', () => {
    expect(problemsOf('')).toEqual([{ line: 1, field: 'file' }]);
  });

  it('names every missing column and reads no row', () => {
    const result = parseAgencyCsv('code,kind,name_tr\nMOH-34,directorate,İstanbul\n', stored);
    expect(result.records).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [1, 'parent_code', 'missing column'],
      [1, 'contact_email', 'missing column'],
      [1, 'region_code', 'missing column'],
    ]);
  });

  it('requires at least one name_<language> column', () => {
    expect(problemsOf('code,parent_code,kind,contact_email,region_code\nMOH-34,MOH,directorate,,\n')).toEqual([{ line: 1, field: 'name_<language>' }]);
  });

  it('refuses an unknown or repeated column, so that a misspelt name column is not silently dropped', () => {
    expect(problemsOf(`${HEADER},nmae_ar,name_tr\nMOH-34,MOH,directorate,,,İstanbul,Istanbul,x,y\n`)).toEqual([
      { line: 1, field: 'nmae_ar' },
      { line: 1, field: 'name_tr' },
    ]);
  });

  it('accepts columns in any order and header names in any case', () => {
    const result = parseAgencyCsv('Name_AR,KIND,code,region_code,contact_email,parent_code\nإسطنبول,directorate,MOH-34,TR-34,,MOH\n', stored);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([expect.objectContaining({ code: 'MOH-34', parentCode: 'MOH', regionCode: 'TR-34', names: { ar: 'إسطنبول' } })]);
  });

  it('explains a file separated by semicolons, as Excel saves CSV in a Turkish locale', () => {
    expect(parseAgencyCsv('code;parent_code;kind;contact_email;region_code;name_tr\n', stored).problems).toEqual([
      { line: 1, field: 'file', message: expect.stringContaining('semicolons') },
    ]);
  });
});

describe('checking each row', () => {
  it.each([
    ['an empty code', ',MOH,directorate,,,İstanbul,', 'code', /^is required$/],
    ['a code with a space', 'MOH 34,MOH,directorate,,,İstanbul,', 'code', /^must be 1 to 64 characters/],
    ['a code with a dot', 'MOH.34,MOH,directorate,,,İstanbul,', 'code', /^must be 1 to 64 characters/],
    ['a code with a Turkish letter', 'İSKİ,,municipality,,,İSKİ,', 'code', /^must be 1 to 64 characters/],
    ['a code longer than 64 characters', `${'X'.repeat(65)},,ministry,,,X,`, 'code', /^must be 1 to 64 characters/],
    ['an empty kind', 'MOH-34,MOH,,,,İstanbul,', 'kind', /^is required$/],
    ['an unknown kind', 'MOH-34,MOH,hospital,,,İstanbul,', 'kind', /^must be one of center, triage, ministry, directorate/],
    ['no name in any language', 'MOH-34,MOH,directorate,,,,', 'name', /^at least one name_<language> value is required$/],
    ['an email without a domain', 'MOH-34,MOH,directorate,il@,,İstanbul,', 'contact_email', /^not a valid email address$/],
    ['an email without an @', 'MOH-34,MOH,directorate,il.saglik.gov.tr,,İstanbul,', 'contact_email', /^not a valid email address$/],
    ['an unknown region', 'MOH-34,MOH,directorate,,TR-99,İstanbul,', 'region_code', /^unknown region TR-99$/],
    [
      'a parent neither in the file nor stored',
      'MOH-34,MOHH,directorate,,,İstanbul,',
      'parent_code',
      /^unknown agency MOHH: neither in this file nor in the directory$/,
    ],
    ['a NUL character in a name', 'MOH-34,MOH,directorate,,,İstanbul\u0000,', 'name_tr', /^contains a line break or another control character$/],
    ['a line break in a name', 'MOH-34,MOH,directorate,,,"İstanbul\nİl Müdürlüğü",', 'name_tr', /^contains a line break or another control character$/],
    ['itself as parent', 'MOH-34,MOH-34,directorate,,,İstanbul,', 'parent_code', /^an agency cannot be its own parent$/],
  ])('refuses %s', (_case, row, field, message) => {
    const result = parseAgencyCsv(csv('ASKI,,municipality,,,ASKİ,', row), stored);
    expect(result.problems).toEqual([{ line: 3, code: row.split(',')[0] || undefined, field, message: expect.stringMatching(message) }]);
    expect(result.records.map((r) => r.code)).toEqual(['ASKI']);
  });

  it('accepts a code of 64 letters, digits, dashes and underscores', () => {
    const code = `A-b_9${'x'.repeat(59)}`;
    expect(parseAgencyCsv(csv(`${code},,ministry,,,X,`), stored).records.map((r) => r.code)).toEqual([code]);
  });

  it('accepts an email address with a Turkish domain', () => {
    expect(parseAgencyCsv(csv('MOH-34,MOH,directorate,bilgi@sağlık.gov.tr,,İstanbul,'), stored).problems).toEqual([]);
  });

  it('trims spaces around values', () => {
    const result = parseAgencyCsv(csv(' MOH-34 , MOH , directorate , il@saglik.gov.tr , TR-34 , İstanbul ,'), stored);
    expect(result.records).toEqual([
      expect.objectContaining({ code: 'MOH-34', parentCode: 'MOH', kind: 'directorate', regionCode: 'TR-34', names: { tr: 'İstanbul' } }),
    ]);
  });

  it('gives each problem its line, code, field and a message a person can act on', () => {
    expect(parseAgencyCsv(csv('ASKI,,municipality,,,ASKİ,', 'MOH-34,MOH,directorate,il@,,İstanbul,'), stored).problems).toEqual([
      { line: 3, code: 'MOH-34', field: 'contact_email', message: 'not a valid email address' },
    ]);
  });

  it('reports every problem of a row, not only the first, in the order of the columns', () => {
    expect(problemsOf(csv('MOH 34,NOPE,hospital,il@,TR-99,,'))).toEqual([
      { line: 2, code: 'MOH 34', field: 'code' },
      { line: 2, code: 'MOH 34', field: 'parent_code' },
      { line: 2, code: 'MOH 34', field: 'kind' },
      { line: 2, code: 'MOH 34', field: 'contact_email' },
      { line: 2, code: 'MOH 34', field: 'region_code' },
      { line: 2, code: 'MOH 34', field: 'name' },
    ]);
  });

  it('refuses a code that appears twice, keeping the first', () => {
    const result = parseAgencyCsv(
      csv('MOH-34,MOH,directorate,,,İstanbul,', 'MOH-06,MOH,directorate,,,Ankara,', 'MOH-34,MOH,directorate,,,Istanbul again,'),
      stored,
    );
    expect(result.problems).toEqual([{ line: 4, code: 'MOH-34', field: 'code', message: 'appears twice: already on line 2' }]);
    expect(result.records.map((r) => r.names.tr)).toEqual(['İstanbul', 'Ankara']);
  });
});

describe('checking parents', () => {
  it('accepts a parent stored in the directory, or anywhere in the file, even below its children', () => {
    const result = parseAgencyCsv(csv('MOH-34-KDK,MOH-34,district_office,,,Kadıköy,', 'MOH-34,MOH,directorate,,,İstanbul,'), stored);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.code)).toEqual(['MOH-34-KDK', 'MOH-34']);
  });

  it('refuses two agencies that are each other’s parent, naming the cycle on both lines', () => {
    const result = parseAgencyCsv(csv('A,B,ministry,,,A,', 'B,A,ministry,,,B,', 'C,,ministry,,,C,'), empty);
    expect(result.problems).toEqual([
      { line: 2, code: 'A', field: 'parent_code', message: 'parents form a cycle: A → B → A' },
      { line: 3, code: 'B', field: 'parent_code', message: 'parents form a cycle: B → A → B' },
    ]);
    expect(result.records.map((r) => r.code)).toEqual(['C']);
  });

  it('refuses a longer cycle and everything that hangs below it', () => {
    const result = parseAgencyCsv(csv('A,C,ministry,,,A,', 'B,A,ministry,,,B,', 'C,B,ministry,,,C,', 'D,B,directorate,,,D,'), empty);
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'parent_code', 'parents form a cycle: A → C → B → A'],
      [3, 'parent_code', 'parents form a cycle: B → A → C → B'],
      [4, 'parent_code', 'parents form a cycle: C → B → A → C'],
      [5, 'parent_code', 'parent B on line 3 cannot be loaded'],
    ]);
    expect(result.records).toEqual([]);
  });

  it('refuses the whole branch below a bad row, reporting each row of it', () => {
    const result = parseAgencyCsv(
      csv(
        'MEB,,ministry,,,MEB,',
        'MEB-34-KDK,MEB-34,district_office,,,Kadıköy,',
        'MEB-34,MEB,directorate,bad-email,,İstanbul,',
        'MEB-34-KDK-1,MEB-34-KDK,other,,,Okul,',
      ),
      stored,
    );
    expect(result.problems.map((p) => [p.line, p.code, p.field, p.message])).toEqual([
      [3, 'MEB-34-KDK', 'parent_code', 'parent MEB-34 on line 4 cannot be loaded'],
      [4, 'MEB-34', 'contact_email', 'not a valid email address'],
      [5, 'MEB-34-KDK-1', 'parent_code', 'parent MEB-34-KDK on line 3 cannot be loaded'],
    ]);
    expect(result.records.map((r) => r.code)).toEqual(['MEB']);
  });

  it('keeps the children of a bad row whose agency is already stored, since they can link to it', () => {
    const result = parseAgencyCsv(csv('MOH,,ministry,bad-email,,Sağlık Bakanlığı,', 'MOH-34,MOH,directorate,,,İstanbul,'), stored);
    expect(result.problems.map((p) => p.line)).toEqual([2]);
    expect(result.records.map((r) => r.code)).toEqual(['MOH-34']);
  });
});

describe('checking the triage unit', () => {
  it('refuses a second triage unit when the directory has one', () => {
    expect(problemsOf(csv('TRIAGE-2,,triage,,,Ön İnceleme,'))).toEqual([{ line: 2, code: 'TRIAGE-2', field: 'kind' }]);
  });

  it('accepts the stored triage unit again', () => {
    expect(problemsOf(csv('TRIAGE,,triage,,,Ön İnceleme,'))).toEqual([]);
  });

  it('refuses two triage units in one file', () => {
    expect(problemsOf(csv('T1,,triage,,,Bir,', 'T2,,triage,,,İki,'), empty)).toEqual([{ line: 3, code: 'T2', field: 'kind' }]);
  });
});
