import { wordsAround } from '@petitio/i18n';
import { randomUUID } from 'node:crypto';
import { PublicStatus } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { SafeHtml, html, paragraphsOf } from '@petitio/platform';
import { PortalLanguage, PortalTexts, textsFor } from '../i18n';
import { FieldErrors, checked, errorSummary, fieldError, hidden, textArea, textField } from '@petitio/web-kit';
import { layout } from './layout';

export interface LookupFormModel {
  trackingNumber: string;
  errors: FieldErrors;
  /** "No application with this number and code": one sentence for an unknown number and a wrong code alike. */
  notFound?: boolean;
}

/** The form asking for the tracking number and access code; the code is never filled back in. */
export function lookupPage(language: PortalLanguage, m: LookupFormModel): SafeHtml {
  const t = textsFor(language);
  const s = t.status;
  return layout(
    { language, title: s.title, page: 'status' },
    html`<h1>${s.title}</h1>
${m.notFound ? html`<div class="notice refused" role="alert"><p>${s.notFound}</p></div>` : ''}
${errorSummary(t.apply.errorSummary, m.errors)}
<p>${s.intro}</p>
<form method="post" action="/${language}/status" novalidate>
${textField({ id: 'trackingNumber', label: s.trackingNumber, value: m.trackingNumber, hint: s.trackingHint, autocomplete: 'off' }, m.errors)}
${textField({ id: 'accessCode', label: s.accessCode, value: '', autocomplete: 'off' }, m.errors)}
<button type="submit">${s.submit}</button>
</form>`,
  );
}

export interface StatusPageModel {
  status: PublicStatus;
  /** Proof for the forms on the page: sent back in POST bodies only, never in a link. */
  accessCode: string;
  notice?: { kind: 'done' | 'refused'; text: string };
  /** Errors of the action forms, by field id (`reply-text`, `rating-score`, `appeal-text`). */
  errors: FieldErrors;
  values: Record<string, string>;
  timeZone: string;
}

export function statusPage(language: PortalLanguage, m: StatusPageModel): SafeHtml {
  const t = textsFor(language);
  const s = t.status;
  const app = m.status;
  const number = formatTrackingNumber(app.trackingNumber);
  const when = (at: Date | string) => {
    const date = typeof at === 'string' ? new Date(at) : at;
    return html`<time datetime="${date.toISOString()}">${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: m.timeZone }).format(date)}</time>`;
  };
  const proof = html`${hidden('trackingNumber', number)}${hidden('accessCode', m.accessCode)}`;
  const status = app.status as keyof PortalTexts['status']['words'];
  return layout(
    { language, title: s.heading({ number }), page: 'status' },
    html`<h1>${headingWithNumber(s.heading, number)}</h1>
${m.notice ? html`<div class="notice${m.notice.kind === 'refused' ? ' refused' : ''}" role="status"><p>${m.notice.text}</p></div>` : ''}
${errorSummary(t.apply.errorSummary, m.errors, { 'rating-score': 'rating-score-5' })}
<dl class="facts">
<dt>${s.currentStatus}</dt><dd id="status-words">${s.words[status] ?? app.status}</dd>
<dt>${s.type}</dt><dd>${(t.apply.types as Record<string, string>)[app.type] ?? app.type}</dd>
${app.topic ? html`<dt>${s.topic}</dt><dd>${app.topic}</dd>` : ''}
<dt>${s.agency}</dt><dd>${app.agency ?? s.agencyPending}</dd>
<dt>${s.submittedAt}</dt><dd>${when(app.submittedAt)}</dd>
${deadline(app, s, when)}
${app.attachmentCount > 0 ? html`<dt>${s.attachments}</dt><dd id="attachment-count">${String(app.attachmentCount)}</dd>` : ''}
</dl>
${
  app.messages.length
    ? html`<h2>${s.conversation}</h2>
${app.messages.map(
  (msg) => html`<article class="message ${msg.direction}">
<h3>${s.messageKinds[msg.kind] ?? (msg.direction === 'to_citizen' ? s.fromAgency : s.fromYou)} · ${when(msg.at)}</h3>
${paragraphsOf(msg.body)}
</article>`,
)}`
    : ''
}
${m.status.status === 'awaiting_citizen' ? textForm('reply', t.status.reply, language, proof, m) : ''}
${['answered', 'closed'].includes(app.status) ? ratingForm(language, t, proof, m) : ''}
${['answered', 'closed', 'rejected'].includes(app.status) ? textForm('appeal', t.status.appeal, language, proof, m) : ''}
<h2>${s.history}</h2>
<ol class="history">${app.history.map(
      (h) =>
        html`<li>${when(h.at)}: ${s.events[h.event] ?? (h.status ? (s.words as Record<string, string>)[h.status] : undefined) ?? h.event}${
          h.deadline ? html` — ${s.deadlineKinds[h.deadline.kind as keyof typeof s.deadlineKinds] ?? h.deadline.kind}` : ''
        }${h.deadline?.at ? html` (${when(h.deadline.at)})` : ''}</li>`,
    )}</ol>`,
  );
}

function deadline(app: PublicStatus, s: PortalTexts['status'], when: (at: Date) => SafeHtml): SafeHtml | string {
  if (!app.deadline) return '';
  return html`<dt>${s.deadline}</dt><dd id="deadline">${app.deadline.at ? when(app.deadline.at) : s.deadlinePaused}${
    app.deadline.late ? html` <span class="late">${s.late}</span>` : ''
  }</dd>`;
}

/** A titled section with one text box posting an action on the application: the reply (a retried post is attached once), the appeal. */
function textForm(
  action: 'reply' | 'appeal',
  texts: { title: string; intro: string; text: string; submit: string },
  language: PortalLanguage,
  proof: SafeHtml,
  m: StatusPageModel,
): SafeHtml {
  return html`<section aria-labelledby="${action}-title">
<h2 id="${action}-title">${texts.title}</h2>
<p>${texts.intro}</p>
<form method="post" action="/${language}/status/${action}" novalidate>
${proof}
${action === 'reply' ? hidden('submissionKey', randomUUID()) : ''}
${textArea({ id: `${action}-text`, name: 'text', label: texts.text, value: m.values[`${action}-text`] }, m.errors)}
<button type="submit">${texts.submit}</button>
</form>
</section>`;
}

function ratingForm(language: PortalLanguage, t: PortalTexts, proof: SafeHtml, m: StatusPageModel): SafeHtml {
  const r = t.status.rating;
  const scores = ['5', '4', '3', '2', '1'] as const;
  return html`<section aria-labelledby="rating-title">
<h2 id="rating-title">${r.title}</h2>
<form method="post" action="/${language}/status/rating" novalidate>
${proof}
<fieldset${m.errors['rating-score'] ? html` aria-describedby="rating-score-error"` : ''}>
<legend>${r.score}</legend>
${fieldError('rating-score', m.errors)}
${scores.map(
  (score) =>
    html`<div class="choice"><input type="radio" id="rating-score-${score}" name="score" value="${score}"${checked(m.values['rating-score'] === score)}><label for="rating-score-${score}">${r.scores[score]}</label></div>`,
)}
</fieldset>
${textArea({ id: 'rating-comment', name: 'comment', label: r.comment, value: m.values['rating-comment'], optional: t.apply.optional, rows: 3 }, m.errors)}
<button type="submit">${r.submit}</button>
</form>
</section>`;
}

/** The heading with the tracking number kept on one line and left to right, also inside Arabic text. */
function headingWithNumber(heading: (values: { readonly number: string | number }) => string, number: string): SafeHtml {
  const [before, after] = wordsAround(heading, 'number');
  return html`${before}<span class="number">${number}</span>${after}`;
}
