import type { FieldProblem } from '@petitio/platform';
import { catalogs, IntegrationsCatalog } from '@petitio/i18n';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';

/** Every sentence of the API-key and webhook admin pages: `libs/i18n/catalogs/<language>/integrations.json`. */
export function integrationsTexts(language: ConsoleLanguage): IntegrationsCatalog {
  return catalogs.texts('integrations', language);
}

/** A field error on these pages: their wording for the field and code, for the code, else the console's. */
export function integrationsFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  const words = integrationsTexts(language).fieldErrors;
  return words[`${problem.field}.${problem.code}`] ?? words[problem.code] ?? consoleFieldError(language, problem);
}
