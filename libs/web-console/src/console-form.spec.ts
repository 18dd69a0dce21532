import { ConflictError, InvalidInputError, NotFoundError } from '@petitio/platform';
import { formErrors, refusedFields } from './console-form';

const word = (p: { code: string }) => p.code;

describe('console form refusals', () => {
  it('put a nested field next to its own control, else next to its parent, else at the fallback', () => {
    const problems = [
      { field: 'names.tr', code: 'maxLength', message: '' },
      { field: 'keywords.2', code: 'invalid_keyword', message: '' },
      { field: 'roles[1]', code: 'isIn', message: '' },
      { field: 'body', code: 'control_character', message: '' },
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
      { field: 'code', code: 'first', message: '' },
      { field: 'code', code: 'second', message: '' },
    ];
    expect(formErrors(problems, ['code'], 'code', word)).toEqual({ code: 'first' });
  });

  it('put a taken code next to the code, a mapped conflict next to its field, and throw anything else on', () => {
    expect(refusedFields(new InvalidInputError([{ field: 'x', code: 'y', message: 'z' }]))).toEqual([{ field: 'x', code: 'y', message: 'z' }]);
    expect(refusedFields(new ConflictError('TOPIC_CODE_TAKEN', 'taken'))).toEqual([{ field: 'code', code: 'TOPIC_CODE_TAKEN', message: 'taken' }]);
    expect(refusedFields(new ConflictError('SLA_POLICY_SCOPE_TAKEN', 'same scope'), { SLA_POLICY_SCOPE_TAKEN: 'applicationType' })).toEqual([
      { field: 'applicationType', code: 'SLA_POLICY_SCOPE_TAKEN', message: 'same scope' },
    ]);
    expect(() => refusedFields(new ConflictError('AGENCY_IS_TRIAGE', 'no'))).toThrow(ConflictError);
    expect(() => refusedFields(new NotFoundError('X', 'gone'))).toThrow(NotFoundError);
  });
});
