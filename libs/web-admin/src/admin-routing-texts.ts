import type { FieldProblem } from '@petitio/platform';
import { catalogs, RoutingAdminCatalog } from '@petitio/i18n';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';

/** Every sentence of the routing-rule and SLA-policy admin pages: `libs/i18n/catalogs/<language>/routing-admin.json`. */
export type AdminRoutingTexts = RoutingAdminCatalog;

export function adminRoutingTexts(language: ConsoleLanguage): AdminRoutingTexts {
  return catalogs.texts('routing-admin', language);
}

/** The sentence for a field error on these pages: their own wording, else the console's, else the API's English message. */
export function adminFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  return adminRoutingTexts(language).fieldErrors[problem.code] ?? consoleFieldError(language, problem);
}
