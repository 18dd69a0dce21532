import type { FieldProblem } from '@petitio/platform';
import type { ConsoleTexts } from './console-texts';
import { en } from './en';
import { tr } from './tr';

/** The console's languages, the default first. */
export const CONSOLE_LANGUAGES = ['tr', 'en'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

const TEXTS: Record<ConsoleLanguage, ConsoleTexts> = { tr, en };

export function consoleTexts(language: ConsoleLanguage): ConsoleTexts {
  return TEXTS[language];
}

/** The sentence for a field error: the code's wording, else the API's English message. */
export function consoleFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  return TEXTS[language].fieldErrors[problem.code] ?? problem.message;
}
