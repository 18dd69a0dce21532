import { APPLICATION_TYPES } from '@petitio/catalogue';
import { SafeHtml, html } from '@petitio/platform';
import { PortalLanguage, textsFor } from '../i18n';
import { FieldErrors, checked, described, errorSummary, fieldError, hidden, selected, textArea, textField } from '@petitio/web-kit';
import { layout } from './layout';

/** What the citizen typed, as the form sends it: kept as is when the form comes back with errors. */
/** A place in words: enough for a street and number and a landmark, short enough for an SMS-length summary. */
export const ADDRESS_MAX = 200;

export interface ApplyFormValues {
  type: string;
  topic: string;
  subject: string;
  body: string;
  provinceCode: string;
  districtCode: string;
  /** Street, building or landmark in the citizen's words; joins the text the agency reads. */
  address: string;
  name: string;
  phone: string;
  email: string;
  confidential: boolean;
  consent: boolean;
  submissionKey: string;
  /** Sent back as the page language; the JSON API's `language`. */
  preferredLanguage: string;
}

export interface Choice {
  code: string;
  name: string;
}

export interface ApplyChoices {
  topics: Choice[];
  provinces: (Choice & { districts: Choice[] })[];
}

export interface ApplyPageModel {
  values: ApplyFormValues;
  errors: FieldErrors;
  /** ATTACHMENTS_MAX_FILES and ATTACHMENTS_MAX_BYTES; no file field when files are off (0). */
  attachmentLimits: { maxFiles: number; maxBytes: number };
  /** A refusal about the whole form rather than one field. */
  formError?: string;
  choices: ApplyChoices;
}

export function applyPage(language: PortalLanguage, m: ApplyPageModel): SafeHtml {
  const t = textsFor(language).apply;
  const { values: v, errors } = m;
  const summary = { ...(m.formError ? { form: m.formError } : {}), ...errors };
  return layout(
    { language, title: Object.keys(summary).length ? `${t.errorSummary}: ${t.title}` : t.title, page: 'apply' },
    html`<h1>${t.title}</h1>
${errorSummary(t.errorSummary, summary, { type: `type-${APPLICATION_TYPES[0]}`, form: 'application-form', preferredLanguage: 'application-form', submissionKey: 'application-form' })}
<p>${t.intro}</p>
<form id="application-form" method="post" action="/${language}/apply" accept-charset="utf-8" enctype="multipart/form-data" novalidate>
${hidden('submissionKey', v.submissionKey)}${hidden('preferredLanguage', language)}
<fieldset${errors.type ? html` aria-describedby="type-error"` : ''}>
<legend>${t.type}</legend>
${fieldError('type', errors)}
${APPLICATION_TYPES.map(
  (type) =>
    html`<div class="choice"><input type="radio" id="type-${type}" name="type" value="${type}"${checked(v.type === type)}><label for="type-${type}">${t.types[type]}</label></div>`,
)}
</fieldset>
<div class="field">
<label for="topic">${t.topic}</label>
${fieldError('topic', errors)}
<select id="topic" name="topic"${described('topic', errors)}>
<option value="">${t.topicUnsure}</option>
${m.choices.topics.map((c) => html`<option value="${c.code}"${selected(v.topic === c.code)}>${c.name}</option>`)}
</select>
</div>
${textField({ id: 'subject', label: t.subject, value: v.subject, hint: t.subjectHint, optional: t.optional, maxlength: 200 }, errors)}
${textArea({ id: 'body', label: t.body, value: v.body, hint: t.bodyHint, rows: 8 }, errors)}
<fieldset>
<legend>${t.place}</legend>
<div class="field">
<label for="provinceCode">${t.province}</label>
${fieldError('provinceCode', errors)}
<select id="provinceCode" name="provinceCode"${described('provinceCode', errors)}>
<option value="">${t.notSpecified}</option>
${m.choices.provinces.map((p) => html`<option value="${p.code}"${selected(v.provinceCode === p.code)}>${p.name}</option>`)}
</select>
</div>
<div class="field">
<label for="districtCode">${t.district} (${t.optional})</label>
${fieldError('districtCode', errors)}
<select id="districtCode" name="districtCode"${described('districtCode', errors)}>
<option value="">${t.notSpecified}</option>
${m.choices.provinces.map(
  (p) =>
    html`<optgroup label="${p.name}">${p.districts.map((d) => html`<option value="${d.code}"${selected(v.districtCode === d.code)}>${d.name}</option>`)}</optgroup>`,
)}
</select>
</div>
${textField({ id: 'address', label: t.address, value: v.address, hint: t.addressHint, optional: t.optional, autocomplete: 'street-address', maxlength: ADDRESS_MAX }, errors)}
</fieldset>
<fieldset>
<legend>${t.contact}</legend>
<p class="hint">${t.contactHint}</p>
${textField({ id: 'name', label: t.name, value: v.name, optional: t.optional, autocomplete: 'name', maxlength: 120 }, errors)}
${textField({ id: 'phone', label: t.phone, value: v.phone, type: 'tel', optional: t.optional, autocomplete: 'tel' }, errors)}
${textField({ id: 'email', label: t.email, value: v.email, type: 'email', optional: t.optional, autocomplete: 'email' }, errors)}
</fieldset>
${attachmentsField(t, m.attachmentLimits, errors)}
<div class="field">
${fieldError('confidential', errors)}
<div class="choice"><input type="checkbox" id="confidential" name="confidential" value="yes"${checked(v.confidential)} aria-describedby="confidential-hint"><label for="confidential">${t.confidential}</label></div>
<p class="hint" id="confidential-hint">${t.confidentialHint}</p>
</div>
<div class="field">
${fieldError('consent', errors)}
<div class="choice"><input type="checkbox" id="consent" name="consent" value="yes"${checked(v.consent)}${described('consent', errors)}><label for="consent">${t.consent}</label></div>
<p><a href="/${language}/privacy">${t.privacyLink}</a></p>
</div>
<button type="submit">${t.submit}</button>
</form>`,
  );
}

/** The file picker; the form works without it, and the server decides what a file is. */
function attachmentsField(t: ReturnType<typeof textsFor>['apply'], limits: ApplyPageModel['attachmentLimits'], errors: FieldErrors): SafeHtml | string {
  if (limits.maxFiles === 0) return '';
  const hint = t.attachmentsHint({ files: limits.maxFiles, mb: megabytes(limits.maxBytes) });
  return html`<div class="field">
<label for="attachments">${t.attachments} (${t.optional})</label>
<p class="hint" id="attachments-hint">${hint}</p>
${fieldError('attachments', errors)}
<input type="file" id="attachments" name="attachments" multiple accept="${ATTACHMENT_ACCEPT}"${described('attachments', errors, true)}>
</div>`;
}

export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

export function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
