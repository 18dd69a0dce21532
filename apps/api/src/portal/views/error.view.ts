import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { layout } from './layout';

export type PortalErrorKind = 'badRequest' | 'notFound' | 'tooMany' | 'tooLarge' | 'server';

export function errorPage(language: PortalLanguage, kind: PortalErrorKind): SafeHtml {
  const t = textsFor(language).errors;
  const title = t[`${kind}Title`];
  return layout(
    { language, title, page: '' },
    html`<h1>${title}</h1>
<p>${t[kind]}</p>
<p><a href="/${language}/">${t.backHome}</a></p>`,
  );
}
