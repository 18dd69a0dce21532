import type { FieldProblem } from '@petitio/platform';
import { catalogs, DirectoryAdminCatalog } from '@petitio/i18n';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';

/** The sentences of the directory and topics admin pages: `libs/i18n/catalogs/<language>/directory-admin.json`. */
export type AdminDirectoryTexts = DirectoryAdminCatalog;

export function adminDirectoryTexts(language: ConsoleLanguage): AdminDirectoryTexts {
  return catalogs.texts('directory-admin', language);
}

/** The sentence for a field error on these pages: by field and code, by code, else the console's wording. */
export function directoryFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  const own = adminDirectoryTexts(language).fieldErrors;
  const field = problem.field.split('.')[0];
  return own[`${field}:${problem.code}`] ?? own[problem.code] ?? consoleFieldError(language, problem);
}

/** The sentence for a refused change, the agencies or topics in the way filled in. */
export function directoryRefusal(language: ConsoleLanguage, code: string, fallback: string, codes: unknown): string {
  const sentence = adminDirectoryTexts(language).refusals[code];
  if (sentence === undefined) return fallback;
  const list = Array.isArray(codes) ? codes.join(', ') : '';
  return typeof sentence === 'string' ? sentence : sentence({ codes: list });
}
