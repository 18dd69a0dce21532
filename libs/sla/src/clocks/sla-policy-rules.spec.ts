import { DEFAULT_ESCALATION_TERMS } from './sla-policy';
import { SlaPolicyDraft, policyDraftProblems } from './sla-policy-rules';

const valid: SlaPolicyDraft = {
  code: 'ISKI-WATER-COMPLAINTS',
  applicationType: 'complaint',
  topicId: '7a1e4b1c-3f7e-4c55-9d0a-1b2c3d4e5f60',
  agencyId: null,
  kind: 'answer',
  period: { amount: 20, unit: 'calendar_days' },
  onAwaitingCitizen: 'pause',
  onTransfer: 'keep',
  extension: null,
  requiresNoticeBeforeDeadline: false,
  warningShares: [0.5, 0.75, 0.9],
  legalBasis: 'Service charter of ISKI',
  active: true,
  ...DEFAULT_ESCALATION_TERMS,
};

const fieldsOf = (change: Partial<Record<keyof SlaPolicyDraft, unknown>>) =>
  policyDraftProblems({ ...valid, ...change } as SlaPolicyDraft).map((p) => `${p.field}:${p.code}`);

describe('SLA policy rules', () => {
  it('accepts a complete policy, and working hours in whole seconds such as a 90-minute callback', () => {
    expect(policyDraftProblems(valid)).toEqual([]);
    expect(fieldsOf({ period: { amount: 1.5, unit: 'working_hours' } })).toEqual([]);
    expect(fieldsOf({ warningShares: [] })).toEqual([]);
  });

  it('refuses a period that is not more than zero, fractional days, or working hours finer than a second', () => {
    expect(fieldsOf({ period: { amount: 0, unit: 'calendar_days' } })).toEqual(['period.amount:positive']);
    expect(fieldsOf({ period: { amount: -3, unit: 'working_days' } })).toEqual(['period.amount:positive']);
    expect(fieldsOf({ period: { amount: 2.5, unit: 'working_days' } })).toEqual(['period.amount:whole_number']);
    expect(fieldsOf({ period: { amount: 2.5, unit: 'calendar_days' } })).toEqual(['period.amount:whole_number']);
    expect(fieldsOf({ period: { amount: 1.0001, unit: 'working_hours' } })).toEqual(['period.amount:whole_seconds']);
    expect(fieldsOf({ period: { amount: 5, unit: 'fortnights' } })).toEqual(['period.unit:invalid']);
  });

  it('wants an extension and a re-escalation period as an amount and a unit together, or none', () => {
    expect(fieldsOf({ extension: { amount: 15 } })).toEqual(['extension.unit:required']);
    expect(fieldsOf({ extension: { unit: 'working_days' } })).toEqual(['extension.amount:required']);
    expect(fieldsOf({ reEscalation: { amount: 0.5, unit: 'working_days' } })).toEqual(['reEscalation.amount:whole_number']);
    expect(fieldsOf({ extension: { amount: 15, unit: 'working_days' }, reEscalation: null })).toEqual([]);
  });

  it('wants warning shares strictly ascending between 0 and 1', () => {
    expect(fieldsOf({ warningShares: [0.5, 0.5] })).toEqual(['warningShares:ascending']);
    expect(fieldsOf({ warningShares: [0.9, 0.5] })).toEqual(['warningShares:ascending']);
    expect(fieldsOf({ warningShares: [0, 0.5] })).toEqual(['warningShares:range']);
    expect(fieldsOf({ warningShares: [0.5, 1] })).toEqual(['warningShares:range']);
  });

  it('wants a ladder of one to six rungs, each naming known targets', () => {
    expect(fieldsOf({ ladder: [] })).toEqual(['ladder:rungs']);
    expect(fieldsOf({ ladder: Array.from({ length: 7 }, () => ['center_queue']) })).toEqual(['ladder:rungs']);
    expect(fieldsOf({ ladder: [['assigned_officer'], []] })).toEqual(['ladder.1:empty_rung']);
    expect(fieldsOf({ ladder: [['assigned_officer'], ['the_mayor']] })).toEqual(['ladder.1:invalid_target']);
    expect(fieldsOf({ ladder: [['center_queue']] })).toEqual([]);
  });

  it('names every other bad field: code, kind, the choices, the scope ids, the legal basis and the flags', () => {
    expect(
      fieldsOf({
        code: 'lower case',
        kind: 'reply',
        onAwaitingCitizen: 'sleep',
        onTransfer: 'forget',
        topicId: 'water',
        legalBasis: '  ',
        publicLateFlag: 'yes',
      }),
    ).toEqual([
      'code:format',
      'kind:invalid',
      'topicId:format',
      'onAwaitingCitizen:invalid',
      'onTransfer:invalid',
      'legalBasis:required',
      'publicLateFlag:boolean',
    ]);
    expect(fieldsOf({ period: undefined, kind: undefined })).toEqual(['kind:required', 'period:required']);
  });
});
