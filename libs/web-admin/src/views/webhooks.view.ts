import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { WEBHOOK_EVENT_TYPES, WebhookDeliveryView, WebhookSubscription } from '@petitio/webhooks';
import { FieldErrors, checked, errorSummary, fieldError, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD, Choice, ConsoleLanguage, consoleLayout, consoleTexts, notice, selectField } from '@petitio/web-console';
import { integrationsTexts } from '../integrations-texts';

export const WEBHOOKS_PATH = '/staff/admin/webhooks';
export type WebhookDone = 'enabled' | 'disabled' | 'replayed';

export interface WebhookFormValues {
  url: string;
  events: string[];
  agencyId: string;
  includeIdentity: boolean;
}

interface SignedIn {
  csrf: string;
  roles: readonly StaffRole[];
}

export interface WebhooksPageModel extends SignedIn {
  subscriptions: WebhookSubscription[];
  /** Agencies a center admin may subscribe for; none for a supervisor, who subscribes for their own. */
  agencies?: Choice[];
  agencyNames: ReadonlyMap<string, string>;
  values: WebhookFormValues;
  errors: FieldErrors;
}

export interface WebhookPageModel extends SignedIn {
  timeZone: string;
  subscription: WebhookSubscription;
  deliveries: WebhookDeliveryView[];
  done?: WebhookDone;
}

export function webhooksPage(language: ConsoleLanguage, m: WebhooksPageModel): SafeHtml {
  const w = integrationsTexts(language).webhooks;
  const k = w.columns;
  return consoleLayout(
    { language, title: w.title, signedIn: m, page: WEBHOOKS_PATH },
    html`<h1>${w.title}</h1>
<p>${w.intro}</p>
${
  m.subscriptions.length === 0
    ? html`<p id="webhooks-empty">${w.empty}</p>`
    : html`<table id="webhooks">
<caption>${w.caption}</caption>
<thead><tr><th scope="col">${k.url}</th><th scope="col">${k.agency}</th><th scope="col">${k.events}</th><th scope="col">${k.status}</th></tr></thead>
<tbody>${m.subscriptions.map(
        (s) =>
          html`<tr data-id="${s.id}"><td><a href="${WEBHOOKS_PATH}/${s.id}">${s.url}</a></td><td>${
            s.agencyId ? (m.agencyNames.get(s.agencyId) ?? '—') : w.center
          }</td><td>${s.events.join(', ')}</td><td>${statusOf(language, s)}</td></tr>`,
      )}</tbody>
</table>`
}
${subscribeForm(language, m)}`,
  );
}

function statusOf(language: ConsoleLanguage, s: WebhookSubscription): string {
  const w = integrationsTexts(language).webhooks;
  return s.status === 'active' ? w.active : (w.disabledBy[s.disabledReason ?? 'by_staff'] ?? s.status);
}

function subscribeForm(language: ConsoleLanguage, m: WebhooksPageModel): SafeHtml {
  const w = integrationsTexts(language).webhooks;
  const v = m.values;
  return html`<section aria-labelledby="subscribe-title">
<h2 id="subscribe-title">${w.subscribeTitle}</h2>
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${WEBHOOKS_PATH}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'url', label: w.url, hint: w.urlHint, value: v.url, maxlength: 2000, autocomplete: 'off' }, m.errors)}
<fieldset id="events"${m.errors.events ? html` aria-describedby="events-error"` : ''}><legend>${w.eventsLegend}</legend>${fieldError('events', m.errors)}
${WEBHOOK_EVENT_TYPES.map(
  (e) =>
    html`<div class="choice"><input type="checkbox" id="event-${e.replace('.', '-')}" name="events" value="${e}"${checked(v.events.includes(e))}><label for="event-${e.replace(
      '.',
      '-',
    )}"><code>${e}</code></label></div>`,
)}
</fieldset>
${
  m.agencies
    ? html`${selectField({ id: 'agencyId', name: 'agencyId', label: w.agency, placeholder: w.everyAgency, options: m.agencies, value: v.agencyId }, m.errors)}
<div class="choice"><input type="checkbox" id="includeIdentity" name="includeIdentity" value="true"${checked(v.includeIdentity)}><label for="includeIdentity">${w.includeIdentity}</label></div>`
    : ''
}
<button type="submit">${w.subscribe}</button>
</form>
</section>`;
}

/** The only time a signing secret is shown: on subscribing and on rotation. */
export function secretPage(language: ConsoleLanguage, m: SignedIn & { subscription: WebhookSubscription; secret: string; overlapHours?: number }): SafeHtml {
  const w = integrationsTexts(language).webhooks;
  const title = w.secretTitle({ url: m.subscription.url });
  return consoleLayout(
    { language, title, signedIn: m, page: WEBHOOKS_PATH },
    html`<h1>${title}</h1>
<p>${w.secretHint}</p>
${m.overlapHours !== undefined ? html`<p>${w.rotatedHint({ hours: m.overlapHours })}</p>` : ''}
<div class="field"><label for="signing-secret">${w.secretLabel}</label>
<input type="text" id="signing-secret" value="${m.secret}" readonly autocomplete="off" spellcheck="false"></div>
<p><a href="${WEBHOOKS_PATH}/${m.subscription.id}">${w.detailTitle({ url: m.subscription.url })}</a></p>`,
  );
}

export function webhookPage(language: ConsoleLanguage, m: WebhookPageModel): SafeHtml {
  const w = integrationsTexts(language).webhooks;
  const k = w.deliveryColumns;
  const s = m.subscription;
  const title = w.detailTitle({ url: s.url });
  const action = (path: string, label: string) =>
    html`<form method="post" action="${WEBHOOKS_PATH}/${path}">${hidden(CSRF_FIELD, m.csrf)}<button type="submit">${label}</button></form>`;
  return consoleLayout(
    { language, title, signedIn: m, page: WEBHOOKS_PATH },
    html`<h1>${title}</h1>
${notice(m.done ? { kind: 'done', text: w.done[m.done] } : undefined, 'confirmation')}
<p>${statusOf(language, s)} · <code>${s.events.join(', ')}</code></p>
<div class="actions">${s.status === 'active' ? action(`${s.id}/disable`, w.disable) : action(`${s.id}/enable`, w.enable)}${action(`${s.id}/rotate-secret`, w.rotate)}</div>
${
  m.deliveries.length === 0
    ? html`<p id="deliveries-empty">${w.noDeliveries}</p>`
    : html`<table id="deliveries">
<caption>${w.deliveriesCaption}</caption>
<thead><tr><th scope="col">${k.event}</th><th scope="col">${k.application}</th><th scope="col">${k.status}</th><th scope="col">${k.attempts}</th><th scope="col">${k.actions}</th></tr></thead>
<tbody>${m.deliveries.map(
        (d) =>
          html`<tr data-id="${d.id}"><td><code>${d.eventType}</code><br><code>${d.webhookId}</code></td><td><a href="/staff/applications/${d.applicationId}">${d.applicationId.slice(
            0,
            8,
          )}</a></td><td>${w.deliveryStatus[d.status] ?? d.status}</td><td>${attemptsOf(language, m.timeZone, d)}</td><td>${action(`deliveries/${d.id}/replay`, w.replay)}</td></tr>`,
      )}</tbody>
</table>`
}
<p><a href="${WEBHOOKS_PATH}">${w.backToList}</a></p>`,
  );
}

function attemptsOf(language: ConsoleLanguage, timeZone: string, d: WebhookDeliveryView): SafeHtml | string {
  const w = integrationsTexts(language).webhooks;
  if (d.attempts.length === 0) return w.noAttempts;
  return html`<ol>${d.attempts.map((a) => {
    // Plain words inside the sentence: a <time> element would be escaped by the catalog's message.
    const at = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(new Date(a.at));
    const line =
      a.error && a.statusCode === null
        ? w.attemptFailed({ at, error: a.error, ms: a.durationMs })
        : w.attemptAnswered({ at, status: a.statusCode ?? 0, ms: a.durationMs });
    return html`<li>${line}</li>`;
  })}</ol>`;
}
