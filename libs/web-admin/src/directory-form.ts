import { FieldProblem } from '@petitio/platform';
import { FieldErrors } from '@petitio/web-kit';
import { formErrors } from '@petitio/web-console';
import { ConsoleLanguage } from '@petitio/web-console';
import { directoryFieldError } from './admin-directory-texts';
import { nameLanguages } from '@petitio/directory';
import { NameValues } from './views/directory-fields';

// Reading the agency and topic forms, and putting what the rules refused next to the fields.

/** The name fields as typed, trimmed, one per language. */
export function namesOf(body: (name: string) => string): NameValues {
  return Object.fromEntries(nameLanguages().map((l) => [l, body(`names-${l}`).trim()]));
}

/** Problems next to the agency or topic form's controls, in these pages' words. */
export function directoryFormErrors(language: ConsoleLanguage, problems: FieldProblem[], controls: readonly string[], fallback: string): FieldErrors {
  return formErrors(problems, controls, fallback, (p) => directoryFieldError(language, p));
}

const DONE = ['created', 'updated', 'deactivated', 'reactivated'] as const;

/** The notice an agency or topic page shows after a redirect, from its `done` query; anything else shows none. */
export function doneOf(done: unknown): (typeof DONE)[number] | undefined {
  return DONE.find((d) => d === done);
}
