import { RoutingRuleDraft, keywordsFromText, routingRuleDraftProblems } from './routing-rule-draft';

const draft = (overrides: Partial<RoutingRuleDraft> = {}): RoutingRuleDraft => ({
  code: 'water-moda',
  position: 100,
  description: '',
  typeCode: null,
  topicCode: 'water',
  provinceCode: null,
  districtCode: null,
  keywords: [],
  agencyCode: 'ISKI-KDK',
  active: true,
  ...overrides,
});
const fields = (d: RoutingRuleDraft) => routingRuleDraftProblems(d).map((p) => `${p.field}:${p.code}`);

describe('routing rule drafts', () => {
  it('accepts a rule with one criterion and an agency', () => {
    expect(fields(draft())).toEqual([]);
    expect(fields(draft({ topicCode: null, keywords: ['rüşvet', 'bribe*'] }))).toEqual([]);
  });

  it('refuses a rule without any criterion, which would take every application', () => {
    expect(fields(draft({ topicCode: null }))).toEqual(['criteria:no_criteria']);
  });

  it('refuses a code that is not lower-case letters, digits, - or _', () => {
    expect(fields(draft({ code: 'Water Moda' }))).toEqual(['code:rule_code_format']);
  });

  it('refuses keywords the matcher could never find: several words, punctuation, a star inside', () => {
    expect(fields(draft({ keywords: ['two words'] }))).toEqual(['keywords:keyword_format']);
    expect(fields(draft({ keywords: ['br*be'] }))).toEqual(['keywords:keyword_format']);
    expect(fields(draft({ keywords: ['rüşvet', 'RÜŞVET'] }))).toEqual(['keywords:duplicate_keyword']);
  });

  it('refuses a position that is no whole number in range, and a missing agency', () => {
    expect(fields(draft({ position: 1.5, agencyCode: '' }))).toEqual(['position:position_range', 'agencyCode:required']);
    expect(fields(draft({ position: -1 }))).toEqual(['position:position_range']);
  });

  it('reads keywords typed with commas, spaces or new lines', () => {
    expect(keywordsFromText(' rüşvet, bribe*\nkickback ;;')).toEqual(['rüşvet', 'bribe*', 'kickback']);
    expect(keywordsFromText('   ')).toEqual([]);
  });
});
