import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { layout } from './layout';

export function homePage(language: PortalLanguage): SafeHtml {
  const t = textsFor(language).home;
  return layout(
    { language, title: t.title, page: '' },
    html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<ul class="big-links">
<li><a href="/${language}/apply">${t.apply}</a></li>
<li><a href="/${language}/status">${t.status}</a></li>
</ul>
<p><a href="/${language}/privacy">${textsFor(language).privacy.title}</a></p>
<p><a href="/${language}/statistics">${textsFor(language).statistics.title}</a></p>`,
  );
}
