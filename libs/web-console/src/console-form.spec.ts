import { ConflictError, InvalidInputError, NotFoundError } from '@petitio/platform';
import { formErrors, refusedFields } from './console-form';

const word = (p: { code: string }) => p.code;

describe('console form refusals', () => {
  it('put a nested field next to its own control, else next to its parent, else at the fallback', () => {
    const problems = [
      { field: 'names.tr', code: 'maxLength' },
      { field: 'keywords.2', code: 'invalid_keyword' },
      { field: 'roles[1]', code: 'isIn' },
      { field: 'body', code: 'control_character' },
    ];
    expect(formErrors(problems, ['names-tr', 'keywords', 'roles', 'code'], 'code', word)).toEqual({
      'names-tr': 'maxLength',
      keywords: 'invalid_keyword',
      roles: 'isIn',
      code: 'control_character',
    });
  });

  it('show the first problem of a control only', () => {
    const problems = [
      { field: 'code', code: 'first' },
      { field: 'code', code: 'second' },
    ];
    expect(formErrors(problems, ['code'], 'code', word)).toEqual({ code: 'first' });
  });

  it('put a taken code next to the code, a mapped conflict next to its field, and throw anything else on', () => {
    expect(refusedFields(new InvalidInputError([{ field: 'x', code: 'y' }]))).toEqual([{ field: 'x', code: 'y' }]);
    expect(refusedFields(new ConflictError('TOPIC_CODE_TAKEN', { args: { code: 'parks' } }))).toEqual([
      { field: 'code', code: 'TOPIC_CODE_TAKEN', args: { code: 'parks' } },
    ]);
    expect(refusedFields(new ConflictError('SLA_POLICY_SCOPE_TAKEN'), { SLA_POLICY_SCOPE_TAKEN: 'applicationType' })).toEqual([
      { field: 'applicationType', code: 'SLA_POLICY_SCOPE_TAKEN', args: {} },
    ]);
    expect(() => refusedFields(new ConflictError('AGENCY_IS_TRIAGE'))).toThrow(ConflictError);
    expect(() => refusedFields(new NotFoundError('X'))).toThrow(NotFoundError);
  });
});
