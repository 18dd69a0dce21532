import { catalogs, offeredLanguages, SOURCE_LANGUAGE } from '@petitio/i18n';
import { negotiateLanguage } from './language';
import type { Problem } from './problem';

/**
 * The language of an error answer from the JSON API: the client's Accept-Language among the deployment's
 * languages that have the API's sentences, else the deployment's default. A client that sends no
 * Accept-Language is a program more often than a person and gets English, the API's reference language,
 * with the exact sentences the code wrote (ids and limits included).
 */
export function problemLanguage(acceptLanguage: string | undefined): string {
  if (!acceptLanguage?.trim()) return SOURCE_LANGUAGE;
  return negotiateLanguage(offeredLanguages('api'), acceptLanguage);
}

/**
 * The answer with its sentences in `language`, by code: the problem's message and each field's. Codes and
 * fields, what a program reads, never change; a code the catalog does not know keeps the English sentence.
 */
export function localisedProblem(problem: Problem, language: string): Problem {
  if (language === SOURCE_LANGUAGE) return problem;
  const words = catalogs.texts('api', language);
  const message = words.problems[problem.code] ?? problem.message;
  const errors = problem.errors?.map((error) => {
    const sentence = words.fields[error.code];
    return sentence === undefined ? error : { ...error, message: sentence({ field: error.field }) };
  });
  return { ...problem, message, ...(errors ? { errors } : {}) };
}
