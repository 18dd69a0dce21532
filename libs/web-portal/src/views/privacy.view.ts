import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { layout } from './layout';

export function privacyPage(language: PortalLanguage): SafeHtml {
  const t = textsFor(language).privacy;
  return layout(
    { language, title: t.title, page: 'privacy' },
    html`<h1>${t.title}</h1>
${t.sections.map(
  (s) => html`<h2>${s.heading}</h2>
<p>${s.text}</p>`,
)}`,
  );
}
