import { offeredLanguages, SOURCE_LANGUAGE } from '@petitio/i18n';
import { negotiateLanguage } from './language';

/**
 * The language of an error answer from the JSON API: the client's Accept-Language among the deployment's
 * languages that have the API's sentences, else the deployment's default. A client that sends no
 * Accept-Language is a program more often than a person and gets English, the API's reference language,
 * from the same catalogs as every other language.
 */
export function problemLanguage(acceptLanguage: string | undefined): string {
  if (!acceptLanguage?.trim()) return SOURCE_LANGUAGE;
  return negotiateLanguage(offeredLanguages('api'), acceptLanguage);
}
