import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { layout } from './layout';

export function receiptPage(language: PortalLanguage, receipt: { trackingNumber: string; accessCode: string }): SafeHtml {
  const t = textsFor(language).receipt;
  return layout(
    { language, title: t.title, page: 'status' },
    html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<dl class="numbers">
<div><dt>${t.trackingNumber}</dt><dd id="tracking-number">${receipt.trackingNumber}</dd></div>
<div><dt>${t.accessCode}</dt><dd id="access-code">${receipt.accessCode}</dd></div>
</dl>
<p><strong>${t.writeDown}</strong></p>
<p><a href="/${language}/status">${t.followLink}</a></p>`,
  );
}
