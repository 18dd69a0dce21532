import { RoutableApplication, RuleCriteria, firstMatch, orderRules, specificity } from './rule-matcher';

const rule = (id: string, criteria: Partial<RuleCriteria>): RuleCriteria => ({
  id,
  position: 100,
  typeCode: null,
  topicId: null,
  provinceCode: null,
  districtCode: null,
  keywords: null,
  agencyId: `agency-${id}`,
  ...criteria,
});

const app = (overrides: Partial<RoutableApplication> = {}): RoutableApplication => ({
  type: 'complaint',
  topicId: 'water',
  provinceCode: 'TR-34',
  districtCode: 'TR-34-KDK',
  subject: 'Su kesintisi',
  body: 'Mahallemizde üç gündür su yok.',
  language: 'tr',
  ...overrides,
});

describe('routing rule matching', () => {
  const rules = orderRules([
    rule('water-anywhere', { topicId: 'water' }),
    rule('water-istanbul', { topicId: 'water', provinceCode: 'TR-34' }),
    rule('water-kadikoy', { topicId: 'water', provinceCode: 'TR-34', districtCode: 'TR-34-KDK' }),
    rule('health-istanbul', { topicId: 'health', provinceCode: 'TR-34' }),
    rule('bribery', { keywords: ['rüşvet', 'bribe*'], position: 10 }),
  ]);

  it('routes a water complaint in Kadıköy to the district rule, the most specific', () => {
    expect(firstMatch(rules, app())?.id).toBe('water-kadikoy');
  });

  it('falls back to the province rule for another district', () => {
    expect(firstMatch(rules, app({ districtCode: 'TR-34-USK' }))?.id).toBe('water-istanbul');
  });

  it('falls back to the topic-only rule for another province', () => {
    expect(firstMatch(rules, app({ provinceCode: 'TR-06', districtCode: null }))?.id).toBe('water-anywhere');
  });

  it('matches nothing when no rule fits', () => {
    expect(firstMatch(rules, app({ topicId: 'tax', provinceCode: 'TR-06', districtCode: null }))).toBeUndefined();
  });

  it('matches keywords as whole words, case-insensitively by Turkish rules', () => {
    const bribery = app({ topicId: 'tax', provinceCode: null, districtCode: null, body: 'Memur RÜŞVET istedi.' });
    expect(firstMatch(rules, bribery)?.id).toBe('bribery');
    const notAWord = app({ topicId: 'tax', provinceCode: null, districtCode: null, body: 'rüşvetsiz bir işlem' });
    expect(firstMatch(rules, notAWord)).toBeUndefined();
  });

  it('matches word beginnings for keywords ending in *', () => {
    const english = app({ topicId: null, provinceCode: null, districtCode: null, language: 'en', body: 'They asked for bribes.' });
    expect(firstMatch(rules, english)?.id).toBe('bribery');
  });

  it('orders by specificity, then position', () => {
    expect(rules.map((r) => r.id)).toEqual(['water-kadikoy', 'health-istanbul', 'water-istanbul', 'bribery', 'water-anywhere']);
    expect(specificity(rule('x', { districtCode: 'D' }))).toBeGreaterThan(specificity(rule('y', { provinceCode: 'P' })));
    const tie = orderRules([rule('late', { topicId: 'water', position: 50 }), rule('early', { topicId: 'water', position: 5 })]);
    expect(tie.map((r) => r.id)).toEqual(['early', 'late']);
  });

  it('honours the application type criterion', () => {
    const petitionsOnly = orderRules([rule('petitions', { typeCode: 'petition' })]);
    expect(firstMatch(petitionsOnly, app({ type: 'complaint' }))).toBeUndefined();
    expect(firstMatch(petitionsOnly, app({ type: 'petition' }))?.id).toBe('petitions');
  });
});
