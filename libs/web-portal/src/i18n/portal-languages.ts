import type { FieldProblem } from '@petitio/platform';
import { catalogs, MessageValues, PortalCatalog } from '@petitio/i18n';

/** Every sentence the citizen portal shows, in one language: `libs/i18n/catalogs/<language>/portal.json`. */
export type PortalTexts = PortalCatalog;

/** The portal's languages, the default first. */
export const PORTAL_LANGUAGES = ['tr', 'en', 'ar'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return typeof value === 'string' && (PORTAL_LANGUAGES as readonly string[]).includes(value);
}

export function textsFor(language: PortalLanguage): PortalTexts {
  return catalogs.texts('portal', language);
}

/**
 * The sentence for a field error: the field's own wording, else the code's, else the API's English message
 * (a code the catalogs do not know yet still says something true). `values` fill a sentence that names a
 * limit (at most {files} files).
 */
export function fieldErrorMessage(language: PortalLanguage, field: string, problem: FieldProblem, values: MessageValues = {}): string {
  const own = textsFor(language).fieldErrors;
  const sentence = own[`${field}.${problem.code}`] ?? own[problem.code];
  if (sentence === undefined) return problem.message;
  return typeof sentence === 'string' ? sentence : sentence(values as never);
}
