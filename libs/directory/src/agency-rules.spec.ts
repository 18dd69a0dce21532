import { agencyDraftProblems, cleanNames, mergeNames, namesProblems, parentProblems } from './agency-rules';

const fields = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('an agency draft', () => {
  it('passes with a code, one name, a known kind and no email', () => {
    expect(agencyDraftProblems({ code: 'MOH-35', names: { tr: 'İzmir İl Sağlık Müdürlüğü' }, kind: 'directorate', contactEmail: null })).toEqual([]);
  });

  it('names every broken rule, field by field', () => {
    expect(fields(agencyDraftProblems({ code: 'MOH 35', names: {}, kind: 'hospital', contactEmail: 'izmir@' }))).toEqual([
      'code:invalid_code',
      'names:name_required',
      'kind:isIn',
      'contactEmail:isEmail',
    ]);
  });

  it('refuses a code with a Turkish letter, as URLs and CSV files carry codes', () => {
    expect(fields(agencyDraftProblems({ code: 'İSKİ', names: { tr: 'İSKİ' }, kind: 'municipality', contactEmail: null }))).toEqual(['code:invalid_code']);
  });
});

describe('names', () => {
  it('count blank names as missing', () => {
    expect(fields(namesProblems({ tr: '  ', en: '' }))).toEqual(['names:name_required']);
  });

  it('refuse a language the pages are not written in, a line break and an overlong name, by language', () => {
    expect(fields(namesProblems({ tr: 'Su', de: 'Wasser', en: 'Water\nworks', ar: 'م'.repeat(201) }))).toEqual([
      'names.de:unknown_language',
      'names.en:control_character',
      'names.ar:maxLength',
    ]);
  });

  it('take a language left undefined as not given, as a parsed body leaves it', () => {
    expect(namesProblems({ tr: 'Su', en: undefined as unknown as string })).toEqual([]);
  });

  it('check in an update only the names it gives, so that a name imported in another language does not block a rename', () => {
    expect(namesProblems({ de: 'Wasser', en: 'Water works' }, { en: 'Water works' })).toEqual([]);
    expect(fields(namesProblems({ de: 'Wasser', fr: 'Eau' }, { fr: 'Eau' }))).toEqual(['names.fr:unknown_language']);
    expect(namesProblems({ de: '', en: 'Water' }, { de: '' })).toEqual([]);
    expect(fields(namesProblems({ de: '' }, { de: '' }))).toEqual(['names:name_required']);
  });

  it('change in an update only for the languages given, and "" removes one', () => {
    expect(mergeNames({ tr: 'Su', en: 'Water', ar: 'المياه' }, { en: 'Water works', ar: '', tr: undefined })).toEqual({ tr: 'Su', en: 'Water works', ar: '' });
  });

  it('are stored trimmed, without the blank ones', () => {
    expect(cleanNames({ tr: ' Sağlık ', en: '', ar: '  ' })).toEqual({ tr: 'Sağlık' });
  });
});

describe('a new parent', () => {
  it('may be none, or any agency not under the one moving', () => {
    expect(parentProblems('MOH-34', null, null)).toEqual([]);
    expect(parentProblems('MOH-34', 'MEB', ['MEB'])).toEqual([]);
  });

  it('cannot be the agency itself', () => {
    expect(fields(parentProblems('MOH', 'MOH', ['MOH']))).toEqual(['parentCode:own_parent']);
  });

  it('must exist', () => {
    expect(fields(parentProblems('MOH-34', 'NOPE', null))).toEqual(['parentCode:unknown_agency']);
  });

  it('cannot be one of its descendants, however deep', () => {
    expect(fields(parentProblems('MOH', 'MOH-34-KDK', ['MOH-34-KDK', 'MOH-34', 'MOH']))).toEqual(['parentCode:parent_cycle']);
  });
});
