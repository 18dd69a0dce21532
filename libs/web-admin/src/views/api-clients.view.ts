import type { ApiClient } from '@petitio/api-clients';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, checked, errorSummary, fieldError, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD, Choice, ConsoleLanguage, consoleLayout, consoleTexts, formatDate, notice, selectField } from '@petitio/web-console';
import { integrationsTexts } from '../integrations-texts';

export const API_CLIENTS_PATH = '/staff/admin/api-clients';
const KINDS = ['open311', 'agency'] as const;

export interface ApiClientFormValues {
  name: string;
  kind: string;
  agencyId: string;
}

export interface ApiClientsPageModel {
  csrf: string;
  roles: readonly StaffRole[];
  timeZone: string;
  clients: ApiClient[];
  agencies: Choice[];
  values: ApiClientFormValues;
  errors: FieldErrors;
  revoked?: boolean;
}

export function apiClientsPage(language: ConsoleLanguage, m: ApiClientsPageModel): SafeHtml {
  const p = integrationsTexts(language).apiClients;
  const k = p.columns;
  const agencyName = new Map(m.agencies.map((a) => [a.value, a.label]));
  const when = (at: Date | null) => (at ? formatDate(language, m.timeZone, at) : p.never);
  return consoleLayout(
    { language, title: p.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: API_CLIENTS_PATH },
    html`<h1>${p.title}</h1>
${notice(m.revoked ? { kind: 'done', text: p.revokedNotice } : undefined, 'confirmation')}
<p>${p.intro}</p>
${
  m.clients.length === 0
    ? html`<p id="api-clients-empty">${p.empty}</p>`
    : html`<table id="api-clients">
<caption>${p.caption}</caption>
<thead><tr><th scope="col">${k.name}</th><th scope="col">${k.kind}</th><th scope="col">${k.agency}</th><th scope="col">${k.hint}</th><th scope="col">${k.created}</th><th scope="col">${k.lastUsed}</th><th scope="col">${k.status}</th><th scope="col">${k.actions}</th></tr></thead>
<tbody>${m.clients.map(
        (c) =>
          html`<tr data-id="${c.id}"><td>${c.name}</td><td>${p.kinds[c.kind] ?? c.kind}</td><td>${c.agencyId ? (agencyName.get(c.agencyId) ?? '—') : '—'}</td><td><code>…${c.keyHint}</code></td><td>${when(
            c.createdAt,
          )}</td><td>${when(c.lastUsedAt)}</td><td>${c.revokedAt ? p.revoked : p.active}</td><td>${
            c.revokedAt
              ? ''
              : html`<form method="post" action="${API_CLIENTS_PATH}/${c.id}/revoke">${hidden(CSRF_FIELD, m.csrf)}<button type="submit">${p.revoke({ name: c.name })}</button></form>`
          }</td></tr>`,
      )}</tbody>
</table>`
}
${issueForm(language, m)}`,
  );
}

function issueForm(language: ConsoleLanguage, m: ApiClientsPageModel): SafeHtml {
  const p = integrationsTexts(language).apiClients;
  const v = m.values;
  return html`<section aria-labelledby="issue-title">
<h2 id="issue-title">${p.issueTitle}</h2>
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${API_CLIENTS_PATH}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'name', label: p.name, hint: p.nameHint, value: v.name, maxlength: 200, autocomplete: 'off' }, m.errors)}
<fieldset id="kind"${m.errors.kind ? html` aria-describedby="kind-error"` : ''}><legend>${p.kind}</legend>${fieldError('kind', m.errors)}
${KINDS.map(
  (kind) =>
    html`<div class="choice"><input type="radio" id="kind-${kind}" name="kind" value="${kind}"${checked((v.kind || 'open311') === kind)}><label for="kind-${kind}">${p.kinds[kind]}</label></div>`,
)}
</fieldset>
${selectField({ id: 'agencyId', name: 'agencyId', label: p.agency, placeholder: p.chooseAgency, options: m.agencies, value: v.agencyId }, m.errors)}
<button type="submit">${p.issue}</button>
</form>
</section>`;
}

/** The only time a key is shown: on the answer to issuing it, never in a URL or a list. */
export function issuedKeyPage(language: ConsoleLanguage, m: { csrf: string; roles: readonly StaffRole[]; name: string; key: string }): SafeHtml {
  const p = integrationsTexts(language).apiClients;
  const title = p.issuedTitle({ name: m.name });
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: API_CLIENTS_PATH },
    html`<h1>${title}</h1>
<p>${p.issuedHint}</p>
<div class="field"><label for="issued-key">${p.keyLabel}</label>
<input type="text" id="issued-key" value="${m.key}" readonly autocomplete="off" spellcheck="false"></div>
<p><a href="${API_CLIENTS_PATH}">${p.backToList}</a></p>`,
  );
}
