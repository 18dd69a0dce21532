import { catalogs } from '@petitio/i18n';
import { ConflictError, InvalidInputError } from '@petitio/platform';
import { toProblem } from './problem-mapping';
import { fieldSentence, problemSentence } from './problem-sentences';

describe('error sentences from the api catalog', () => {
  it('says an error in English from the catalog, its specifics filled in', () => {
    const { problem } = toProblem(new ConflictError('APPEAL_WINDOW_CLOSED', { args: { days: 2 } }));
    expect(problem).toMatchObject({ statusCode: 409, code: 'APPEAL_WINDOW_CLOSED', message: 'an appeal must be made within 2 days of the answer' });
  });

  it('says the same error in the asked language, with the same code', () => {
    const { problem } = toProblem(new ConflictError('APPEAL_WINDOW_CLOSED', { args: { days: 2 } }), 'ar');
    expect(problem.code).toBe('APPEAL_WINDOW_CLOSED');
    expect(problem.message).toBe('يجب تقديم الاعتراض خلال يومين من الإجابة');
  });

  it('says one of several situations of a code by its own sentence', () => {
    const { problem } = toProblem(new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_you' }));
    expect(problem).toMatchObject({ code: 'ALREADY_ASSIGNED', message: 'this application is already assigned to you' });
  });

  it('says each bad field with its arguments, its sentence chosen by the raiser or else by its code', () => {
    const { problem } = toProblem(
      new InvalidInputError([
        { field: 'placeholders', code: 'too_long', args: { max: 4000 } },
        { field: 'code', code: 'format', sentence: 'reason_code_format' },
      ]),
    );
    expect(problem.errors).toEqual([
      { field: 'placeholders', code: 'too_long', message: 'placeholders must be at most 4000 characters' },
      { field: 'code', code: 'format', message: 'code must be 2 to 64 lower-case letters, digits or _, starting with a letter' },
    ]);
  });

  it('falls back to the code’s sentence, then a generic one, rather than fail the answer', () => {
    expect(problemSentence('en', 'APPEAL_WINDOW_CLOSED')).toBe(catalogs.texts('api', 'en').problems.HTTP_ERROR);
    expect(problemSentence('en', 'SLA_CLOCK_NOT_FOUND', 'SLA_CLOCK_NOT_FOUND:kind')).toBe('no such deadline runs on this application');
    expect(fieldSentence('en', { field: 'x', code: 'brand_new_rule' })).toBe('x is not valid');
  });
});
