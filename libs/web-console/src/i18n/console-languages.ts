import type { FieldProblem } from '@petitio/platform';
import { fieldSentence } from '@petitio/web-kit';
import { catalogs, ConsoleCatalog, MessageValues, offeredLanguages } from '@petitio/i18n';

/** Every sentence the staff console shows, in one language: `libs/i18n/catalogs/<language>/console.json`. */
export type ConsoleTexts = ConsoleCatalog;

/** A language the console speaks: one of `consoleLanguages()`. */
export type ConsoleLanguage = string;

/** The console's languages, the default first: the deployment's that have the console translated. */
export function consoleLanguages(): ConsoleLanguage[] {
  return offeredLanguages('console');
}

export function consoleTexts(language: ConsoleLanguage): ConsoleTexts {
  return catalogs.texts('console', language);
}

/** The sentence for a field error: the console's wording for the code, else the API's sentence in this language. */
export function consoleFieldError(language: ConsoleLanguage, problem: FieldProblem, values: MessageValues = {}): string {
  const sentence = consoleTexts(language).fieldErrors[problem.code];
  if (sentence === undefined) return fieldSentence(language, problem);
  return typeof sentence === 'string' ? sentence : (sentence as (values: MessageValues) => string)(values);
}
