import { wordsAround } from '@petitio/i18n';
import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { layout } from './layout';

export type PortalErrorKind = 'badRequest' | 'notFound' | 'tooMany' | 'tooLarge' | 'server';

export function errorPage(language: PortalLanguage, kind: PortalErrorKind, more: SafeHtml = html``): SafeHtml {
  const t = textsFor(language).errors;
  const title = t[`${kind}Title`];
  return layout(
    { language, title, page: '' },
    html`<h1>${title}</h1>
<p>${t[kind]}</p>
${more}<p><a href="/${language}/">${t.backHome}</a></p>`,
  );
}

/** Too many status lookups; with `smsNumber`, how to ask for the status by SMS instead. */
export function lookupLockedPage(language: PortalLanguage, smsNumber: string | undefined): SafeHtml {
  if (!smsNumber) return errorPage(language, 'tooMany');
  const [before, after] = wordsAround(textsFor(language).errors.tooManyBySms, 'number');
  return errorPage(
    language,
    'tooMany',
    html`<p id="status-by-sms">${before}<bdi dir="ltr">${smsNumber}</bdi>${after}</p>
`,
  );
}
