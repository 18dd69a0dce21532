import { ConflictError, FieldProblem, InvalidInputError } from '@petitio/platform';
import { validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';

// The console's form flow: check what a form sent with the JSON API's DTO, save it, and put what was refused next to
// the fields, so that a page refuses exactly what its JSON twin refuses.

export interface FormRefusals {
  /** The field a conflict is about, by its code; a code ending in _CODE_TAKEN is about `code` unless said here. */
  conflicts?: Record<string, string>;
  /** The domain's own checks, added when the DTO refuses the form (and the domain is therefore not asked). */
  alsoChecked?: () => FieldProblem[];
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
  refusals: FormRefusals = {},
): Promise<boolean> {
  const { dto, problems } = await validateAs(metatype, sent);
  try {
    if (problems.length === 0) {
      await save(dto);
      return true;
    }
    problems.push(...(refusals.alsoChecked?.() ?? []));
  } catch (error) {
    problems.push(...refusedFields(error, refusals.conflicts));
  }
  await refuse(problems);
  return false;
}

/** A refused save as field problems: the rules' own, or a conflict next to its field; anything else is thrown on. */
export function refusedFields(error: unknown, conflicts: Record<string, string> = {}): FieldProblem[] {
  if (error instanceof InvalidInputError) return error.problems;
  if (error instanceof ConflictError) {
    const field = conflicts[error.code] ?? (error.code.endsWith('_CODE_TAKEN') ? 'code' : undefined);
    if (field) return [{ field, code: error.code, args: error.args }];
  }
  throw error;
}

/**
 * Problems by the id of the control they are about: `names.tr` → `names-tr`, else `keywords.2` → `keywords`; one the
 * form has no control for is shown at `fallback`. The first problem of a control is the one shown.
 */
export function formErrors(problems: FieldProblem[], controls: readonly string[], fallback: string, word: (problem: FieldProblem) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const parts = p.field.split(/[.[\]]+/);
    const pair = parts.slice(0, 2).join('-');
    const control = controls.includes(pair) ? pair : controls.includes(parts[0]) ? parts[0] : fallback;
    errors[control] ??= word(p);
  }
  return errors;
}
