import { ConflictError, FieldProblem, InvalidInputError } from '@petitio/platform';
import { validateAs } from '../../portal/form-values';
import { FieldErrors } from '../../portal/views/form-fields';
import { ConsoleLanguage } from '../i18n';
import { directoryFieldError } from './admin-directory-texts';
import { NameValues } from './views/directory-fields';

// Reading the agency and topic forms, and putting what the rules refused next to the fields.

/** The three name fields as typed, trimmed. */
export function namesOf(body: (name: string) => string): NameValues {
  return { tr: body('names-tr').trim(), en: body('names-en').trim(), ar: body('names-ar').trim() };
}

/**
 * Problems by the id of the control they are about (`names.tr` → `names-tr`); one the form has no control for is
 * shown at `fallback`. The first problem of a field is the one shown.
 */
export function formErrors(language: ConsoleLanguage, problems: FieldProblem[], controls: readonly string[], fallback: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const id = p.field.replace('.', '-');
    const control = controls.includes(id) ? id : controls.includes(p.field.split('.')[0]) ? p.field.split('.')[0] : fallback;
    errors[control] ??= directoryFieldError(language, p);
  }
  return errors;
}

/**
 * Checks what a form sent with the JSON API's DTO, then saves it; the refusals of either go to `refuse`.
 * True when saved, for the caller to redirect.
 */
export async function savedForm<T>(
  metatype: new () => T,
  sent: object,
  save: (dto: T) => Promise<unknown>,
  refuse: (problems: FieldProblem[]) => Promise<void>,
): Promise<boolean> {
  const { dto, problems } = await validateAs(metatype, sent);
  try {
    if (problems.length === 0) {
      await save(dto);
      return true;
    }
  } catch (error) {
    problems.push(...refusedFields(error));
  }
  await refuse(problems);
  return false;
}

/** A refused create or update as field problems: the rules' own, or a taken code next to the code; anything else is thrown on. */
export function refusedFields(error: unknown): FieldProblem[] {
  if (error instanceof InvalidInputError) return error.problems;
  if (error instanceof ConflictError && error.code.endsWith('_CODE_TAKEN')) return [{ field: 'code', code: error.code, message: error.message }];
  throw error;
}
