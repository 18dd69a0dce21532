import { SafeHtml, html } from '@petitio/platform';
import { ConsoleLanguage, consoleTexts } from '../i18n';
import { consoleLayout } from './layout';

export type ConsoleErrorKind = 'notFound' | 'forbidden' | 'formExpired' | 'server';

export function consoleErrorPage(language: ConsoleLanguage, kind: ConsoleErrorKind, csrf?: string): SafeHtml {
  const e = consoleTexts(language).errors;
  const title = { notFound: e.notFoundTitle, forbidden: e.forbiddenTitle, formExpired: e.forbiddenTitle, server: e.serverTitle }[kind];
  return consoleLayout(
    { language, title, csrf },
    html`<h1>${title}</h1>
<p>${e[kind]}</p>
<p><a href="/staff/inbox">${e.backToInbox}</a></p>`,
  );
}
