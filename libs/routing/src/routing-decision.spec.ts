import { decideRouting } from './routing-decision';
import { RoutableApplication, RuleCriteria, orderRules } from './rule-matcher';

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
  subject: 'Su',
  body: 'Su yok.',
  language: 'tr',
  ...overrides,
});
const topics = new Map([
  ['water', { defaultAgencyId: 'water-default' }],
  ['other', { defaultAgencyId: null }],
]);

describe('routing decisions', () => {
  const rules = orderRules([rule('water-istanbul', { topicId: 'water', provinceCode: 'TR-34' })]);

  it('lets the first matching rule decide', () => {
    expect(decideRouting(rules, app(), 'triage', topics)).toMatchObject({ agencyId: 'agency-water-istanbul', reason: 'rule', rule: { id: 'water-istanbul' } });
  });

  it('falls back to the topic’s default agency, then to triage', () => {
    expect(decideRouting(rules, app({ provinceCode: 'TR-06', districtCode: null }), 'triage', topics)).toEqual({
      agencyId: 'water-default',
      rule: undefined,
      reason: 'topic_default',
    });
    expect(decideRouting(rules, app({ topicId: 'other' }), 'triage', topics)).toEqual({ agencyId: 'triage', rule: undefined, reason: 'triage' });
    expect(decideRouting(rules, app({ topicId: null }), 'triage', topics)).toEqual({ agencyId: 'triage', rule: undefined, reason: 'triage' });
  });
});
