import type { FieldProblem } from '@petitio/platform';
import { fieldSentence } from '@petitio/web-kit';
import { catalogs, MessageValues, offeredLanguages, PortalCatalog } from '@petitio/i18n';

/** Every sentence the citizen portal shows, in one language: `libs/i18n/catalogs/<language>/portal.json`. */
export type PortalTexts = PortalCatalog;

/** A language the portal speaks: one of `portalLanguages()`. */
export type PortalLanguage = string;

/** The portal's languages, the default first: the deployment's that have the portal translated. */
export function portalLanguages(): PortalLanguage[] {
  return offeredLanguages('portal');
}

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return typeof value === 'string' && portalLanguages().includes(value);
}

export function textsFor(language: PortalLanguage): PortalTexts {
  return catalogs.texts('portal', language);
}

/**
 * The sentence for a field error: the field's own wording, else the code's, else the API's sentence in this
 * language (a code the portal does not word yet still says something true). `values` fill a sentence that names a
 * limit (at most {files} files).
 */
export function fieldErrorMessage(language: PortalLanguage, field: string, problem: FieldProblem, values: MessageValues = {}): string {
  const own = textsFor(language).fieldErrors;
  const sentence = own[`${field}.${problem.code}`] ?? own[problem.code];
  if (sentence === undefined) return fieldSentence(language, problem);
  return typeof sentence === 'string' ? sentence : sentence(values as never);
}
