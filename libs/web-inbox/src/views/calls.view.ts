import { CallerApplication } from '@petitio/inbox';
import { formatTrackingNumber } from '@petitio/applications';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, checked, errorSummary, fieldError, hidden, selected, textArea, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { consoleLayout, formatDate } from '@petitio/web-console';

/** The intake form's fields as typed, by field id. */
export const CALL_FIELDS = ['type', 'topic', 'subject', 'body', 'name', 'phone', 'email', 'language', 'provinceCode', 'districtCode', 'confidential'] as const;
export type CallFormValues = Record<(typeof CALL_FIELDS)[number], string>;

export interface CallsPageModel {
  csrf: string;
  roles: readonly StaffRole[];
  timeZone: string;
  /** The intake's idempotency key: a second post of the same form files nothing new. */
  submissionKey: string;
  values: CallFormValues;
  errors: FieldErrors;
  /** The caller lookup: the number typed and, once looked up, what was found. */
  lookup: { phone: string; items?: CallerApplication[] };
  receipt?: { trackingNumber: string; accessCode: string };
}

export function callsPage(language: ConsoleLanguage, m: CallsPageModel): SafeHtml {
  const t = consoleTexts(language);
  const c = t.calls;
  // The caller's number never goes into the title or the language switcher's link.
  const frame = { language, title: m.receipt ? c.receiptTitle : c.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: '/staff/calls/new' };
  if (m.receipt) {
    return consoleLayout(
      frame,
      html`<h1>${c.receiptTitle}</h1>
<div class="notice" role="status" id="receipt"><p>${c.readOut}</p>
<dl><dt>${c.trackingNumber}</dt><dd class="number" id="tracking-number">${m.receipt.trackingNumber}</dd>
<dt>${c.accessCode}</dt><dd class="number" id="access-code">${m.receipt.accessCode}</dd></dl></div>
<p><a href="/staff/calls/new">${c.another}</a></p>`,
    );
  }
  const v = m.values;
  const opt = { optional: c.optional };
  return consoleLayout(
    frame,
    html`<h1>${c.title}</h1>
${errorSummary(t.errorSummary, m.errors)}
<section aria-labelledby="lookup-title">
<h2 id="lookup-title">${c.lookupTitle}</h2>
<form method="get" action="/staff/calls/lookup" novalidate>
${textField({ id: 'lookup-phone', name: 'phone', label: c.phone, type: 'tel', value: m.lookup.phone, hint: c.phoneHint, maxlength: 32, autocomplete: 'off' }, m.errors)}
<button type="submit">${c.find}</button>
</form>
${m.lookup.items ? callerApplications(language, m.timeZone, m.lookup.items) : ''}
</section>
<section aria-labelledby="intake-title">
<h2 id="intake-title">${c.formTitle}</h2>
<form method="post" action="/staff/calls/new" novalidate>
${hidden(CSRF_FIELD, m.csrf)}${hidden('submissionKey', m.submissionKey)}
<div class="field"><label for="type">${c.type}</label>${fieldError('type', m.errors)}
<select id="type" name="type"${m.errors.type ? html` aria-invalid="true" aria-describedby="type-error"` : ''}><option value="">${c.chooseType}</option>${APPLICATION_TYPES.map(
      (type) => html`<option value="${type}"${selected(v.type === type)}>${t.types[type] ?? type}</option>`,
    )}</select></div>
${textField({ id: 'topic', label: c.topic, value: v.topic, hint: c.topicHint, maxlength: 64, ...opt }, m.errors)}
${textField({ id: 'subject', label: c.subject, value: v.subject, ...opt }, m.errors)}
${textArea({ id: 'body', label: c.body, value: v.body, hint: c.bodyHint }, m.errors)}
${textField({ id: 'name', label: c.callerName, value: v.name, maxlength: 120, autocomplete: 'off', ...opt }, m.errors)}
${textField({ id: 'phone', label: c.callerPhone, type: 'tel', value: v.phone, maxlength: 32, autocomplete: 'off', ...opt }, m.errors)}
${textField({ id: 'email', label: c.callerEmail, type: 'email', value: v.email, maxlength: 254, autocomplete: 'off', ...opt }, m.errors)}
${textField({ id: 'language', label: c.language, value: v.language, maxlength: 2, ...opt }, m.errors)}
${textField({ id: 'provinceCode', label: c.provinceCode, value: v.provinceCode, hint: c.regionHint, maxlength: 32, ...opt }, m.errors)}
${textField({ id: 'districtCode', label: c.districtCode, value: v.districtCode, maxlength: 32, ...opt }, m.errors)}
<div class="choice"><input type="checkbox" id="confidential" name="confidential" value="true"${checked(v.confidential !== '')}><label for="confidential">${c.confidential}</label></div>
<button type="submit">${c.submit}</button>
</form>
</section>`,
  );
}

function callerApplications(language: ConsoleLanguage, timeZone: string, items: CallerApplication[]): SafeHtml {
  const t = consoleTexts(language);
  const c = t.calls;
  const k = c.columns;
  if (items.length === 0) return html`<p id="caller-applications" role="status">${c.noneFound}</p>`;
  return html`<p role="status">${c.found({ n: items.length })}</p>
<table id="caller-applications">
<caption>${c.caption}</caption>
<thead><tr><th scope="col">${k.trackingNumber}</th><th scope="col">${k.type}</th><th scope="col">${k.topic}</th><th scope="col">${k.status}</th><th scope="col">${k.agency}</th><th scope="col">${k.received}</th></tr></thead>
<tbody>${items.map(
    (a) =>
      html`<tr data-id="${a.id}"><td class="number">${formatTrackingNumber(a.trackingNumber)}</td><td>${t.types[a.type] ?? a.type}</td><td>${a.topic ?? c.noTopic}</td><td>${
        t.statuses[a.status] ?? a.status
      }</td><td>${a.agency ?? c.noAgency}</td><td>${formatDate(language, timeZone, a.createdAt)}</td></tr>`,
  )}</tbody>
</table>`;
}
