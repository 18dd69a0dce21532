import type { FieldProblem } from '@petitio/platform';
import { ar } from './ar';
import { en } from './en';
import type { PortalTexts } from './portal-texts';
import { tr } from './tr';

/** The portal's languages, the default first. */
export const PORTAL_LANGUAGES = ['tr', 'en', 'ar'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

const TEXTS: Record<PortalLanguage, PortalTexts> = { tr, en, ar };

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return typeof value === 'string' && (PORTAL_LANGUAGES as readonly string[]).includes(value);
}

export function textsFor(language: PortalLanguage): PortalTexts {
  return TEXTS[language];
}

/**
 * The sentence for a field error: the field's own wording, else the code's, else the API's English message
 * (a code the catalogues do not know yet still says something true).
 */
export function fieldErrorMessage(language: PortalLanguage, field: string, problem: FieldProblem): string {
  const own = TEXTS[language].fieldErrors;
  return own[`${field}.${problem.code}`] ?? own[problem.code] ?? problem.message;
}
