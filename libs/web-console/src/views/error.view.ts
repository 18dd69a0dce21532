import { SafeHtml, html } from '@petitio/platform';
import { ConsoleLanguage, consoleTexts } from '../i18n';
import type { StaffRole } from '@petitio/staff';
import { consoleLayout } from './layout';

export type ConsoleErrorKind = 'badRequest' | 'conflict' | 'tooMany' | 'notFound' | 'forbidden' | 'formExpired' | 'server';

export function consoleErrorPage(language: ConsoleLanguage, kind: ConsoleErrorKind, signedIn?: { csrf: string; roles: readonly StaffRole[] }): SafeHtml {
  const e = consoleTexts(language).errors;
  const title = {
    badRequest: e.badRequestTitle,
    conflict: e.conflictTitle,
    tooMany: e.tooManyTitle,
    notFound: e.notFoundTitle,
    forbidden: e.forbiddenTitle,
    formExpired: e.forbiddenTitle,
    server: e.serverTitle,
  }[kind];
  return consoleLayout(
    { language, title, signedIn },
    html`<h1>${title}</h1>
<p>${e[kind]}</p>
<p><a href="/staff/inbox">${e.backToInbox}</a></p>`,
  );
}
