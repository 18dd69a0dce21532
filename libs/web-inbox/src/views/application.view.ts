import { wordsAround } from '@petitio/i18n';
import { ApplicationDetail, HistoryLine } from '@petitio/inbox';
import { INTERNAL_NOTE_KIND } from '@petitio/casework';
import { formatTrackingNumber } from '@petitio/applications';
import { SafeHtml, html, paragraphsOf } from '@petitio/platform';
import { TRIAGE_AFTER_FAILURE } from '@petitio/routing';
import { errorSummary, hidden, textArea } from '@petitio/web-kit';
import type { StaffRole } from '@petitio/staff';
import { CSRF_FIELD, ConsoleLanguage, ConsoleTexts, consoleTexts } from '@petitio/web-console';
import { consoleLayout, formatDate, notice } from '@petitio/web-console';
import { slaBadge } from '@petitio/web-console';
import { ApplicationPageModel, actionForm, actionPath, mayAct } from '@petitio/web-console';
import { caseworkActions } from './actions/casework-actions.view';
import { deadlineActions } from './actions/deadline-actions.view';
import { dispositionActions } from './actions/disposition-actions.view';

export { CONSOLE_ACTIONS } from '@petitio/web-console';
export type { ApplicationPageModel, ConsoleAction, FormKey } from '@petitio/web-console';

export function applicationPage(language: ConsoleLanguage, m: ApplicationPageModel): SafeHtml {
  const t = consoleTexts(language);
  const d = t.detail;
  const a = m.application;
  const number = formatTrackingNumber(a.trackingNumber);
  const when = (at: Date) => formatDate(language, m.timeZone, at);
  const [before, after] = wordsAround(d.heading, 'number');
  return consoleLayout(
    { language, title: d.heading({ number }), signedIn: { csrf: m.csrf, roles: m.viewer.roles }, page: `/staff/applications/${a.id}` },
    html`<h1>${before}<span class="number" id="tracking-number">${number}</span>${after}</h1>
${notice(m.done ? { kind: 'done', text: d[m.done].done } : undefined, 'confirmation')}
<p><a href="/staff/inbox">${d.backToInbox}</a></p>
<h2>${d.facts}</h2>
<dl class="facts">
<dt>${d.status}</dt><dd id="status">${t.statuses[a.status] ?? a.status}</dd>
<dt>${t.inbox.columns.deadline}</dt><dd id="sla">${slaBadge(t, a.sla)}</dd>
<dt>${d.type}</dt><dd>${t.types[a.type] ?? a.type}</dd>
${a.topic ? html`<dt>${d.topic}</dt><dd>${a.topic}</dd>` : ''}
<dt>${d.channel}</dt><dd>${t.channels[a.channel] ?? a.channel}</dd>
<dt>${d.agency}</dt><dd>${a.agency?.name ?? t.inbox.noAgency}</dd>
<dt>${d.officer}</dt><dd id="officer">${a.assignedOfficer?.displayName ?? d.unassigned}</dd>
<dt>${d.received}</dt><dd>${when(a.createdAt)}</dd>
<dt>${d.language}</dt><dd>${a.language}</dd>
${a.location.provinceCode ? html`<dt>${d.location}</dt><dd>${[a.location.provinceCode, a.location.districtCode].filter(Boolean).join(' / ')}</dd>` : ''}
<dt>${d.confidential}</dt><dd>${a.confidential ? d.yes : d.no}</dd>
</dl>
<h2>${d.citizen}</h2>
${citizen(t, m)}
<h2>${d.application}</h2>
${a.textRedacted && !a.revealed ? html`<p class="hint" id="text-redacted">${d.textRedacted}</p>` : ''}
<h3 id="subject">${a.subject}</h3>
<div class="body" id="body">${paragraphsOf(a.body)}</div>
${reveals(t, m, when)}
${deadlines(t, a, when)}
<h2>${d.messages}</h2>
${
  a.messages.length
    ? a.messages.map(
        (msg) => html`<article class="message ${msg.direction}">
<h3>${t.messageKinds[msg.kind] ?? (msg.direction === 'to_citizen' ? d.toCitizen : d.fromCitizen)} · ${when(msg.at)}${msg.author ? html` · ${msg.author.displayName}` : ''}</h3>
${paragraphsOf(msg.body)}
</article>`,
      )
    : html`<p>${d.noMessages}</p>`
}
${actions(t, m)}
<h2>${d.history}</h2>
<ol class="history" id="history">${a.history.map((h) => historyLine(t, h, when))}</ol>`,
  );
}

/** Roles that see the reveals of an application (the service fills them for these only). */
const SEE_REVEALS: readonly StaffRole[] = ['supervisor', 'center_admin', 'data_protection'];

/** The citizen as a pseudonym, with the reveal form for a user who may reveal; the identity itself only on a reveal. */
function citizen(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml {
  const d = t.detail;
  const a = m.application;
  const pseudonym = html`<p id="pseudonym">${d.pseudonym({ code: a.pseudonym })}</p>`;
  if (a.citizen) {
    return html`${notice({ kind: 'done', text: d.revealed }, 'revealed')}${pseudonym}
<dl class="facts" id="citizen">
<dt>${d.name}</dt><dd>${a.citizen.name ?? d.notGiven}</dd>
<dt>${d.phone}</dt><dd>${a.citizen.phone ? html`<bdi dir="ltr">${a.citizen.phone}</bdi>` : d.notGiven}</dd>
<dt>${d.email}</dt><dd>${a.citizen.email ?? d.notGiven}</dd>
</dl>`;
  }
  if (a.identityHidden) return html`${pseudonym}<p id="citizen">${d.identityHidden}</p>`;
  if (!a.revealable) return html`${pseudonym}<p id="citizen">${d.pseudonymised}</p>`;
  return html`${pseudonym}<p id="citizen">${d.pseudonymised}</p>
<section aria-labelledby="reveal-title" id="action-reveal">
<h3 id="reveal-title">${d.reveal}</h3>
${errorSummary(t.errorSummary, m.errors['reveal-reason'] ? { 'reveal-reason': m.errors['reveal-reason'] } : {})}
<form method="post" action="/staff/applications/${a.id}/reveal" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textArea({ id: 'reveal-reason', name: 'reason', label: d.revealReason, hint: d.revealReasonHint, value: m.values['reveal-reason'], rows: 2 }, m.errors)}
<button type="submit">${d.revealButton}</button>
</form>
</section>`;
}

function reveals(t: ConsoleTexts, m: ApplicationPageModel, when: (at: Date) => SafeHtml): SafeHtml | string {
  const d = t.detail;
  if (!SEE_REVEALS.some((role) => m.viewer.roles.includes(role))) return '';
  const list = m.application.reveals;
  return html`<h2>${d.reveals}</h2>
${
  list.length
    ? html`<table id="reveals">
<caption>${d.revealsCaption}</caption>
<thead><tr><th scope="col">${d.revealColumns.at}</th><th scope="col">${d.revealColumns.staff}</th><th scope="col">${d.revealColumns.fields}</th><th scope="col">${d.revealColumns.reason}</th></tr></thead>
<tbody>${list.map((r) => html`<tr><td>${when(r.at)}</td><td>${r.staff.displayName}</td><td>${r.fields.join(', ')}</td><td>${r.reason}</td></tr>`)}</tbody>
</table>`
    : html`<p id="reveals">${d.noReveals}</p>`
}`;
}

function deadlines(t: ConsoleTexts, a: ApplicationDetail, when: (at: Date) => SafeHtml): SafeHtml | string {
  const d = t.detail;
  if (a.deadlines.length === 0) return '';
  return html`<h2>${d.deadlines}</h2>
<table id="deadlines">
<caption>${d.deadlinesCaption}</caption>
<thead><tr><th scope="col">${d.deadlineColumns.kind}</th><th scope="col">${d.deadlineColumns.due}</th><th scope="col">${d.deadlineColumns.state}</th></tr></thead>
<tbody>${a.deadlines.map(
    (c) => html`<tr><td>${d.clockKinds[c.kind] ?? c.kind}${c.extended ? html` (${d.extended})` : ''}</td>
<td>${c.deadline ? when(c.deadline) : t.sla.paused}</td>
<td>${c.stopped ? html`<span class="sla sla-none">${d.stopped} · ${t.sla.states[c.state]}</span>` : slaBadge(t, c)}</td></tr>`,
  )}</tbody>
</table>`;
}

function historyLine(t: ConsoleTexts, h: HistoryLine, when: (at: Date) => SafeHtml): SafeHtml {
  const d = t.detail;
  const who = h.actor.type === 'staff' ? (h.actor.displayName ?? d.system) : h.actor.type === 'citizen' ? d.citizenActor : d.system;
  const status =
    h.toStatus && h.toStatus !== h.fromStatus && h.toStatus !== h.kind ? ` → ${t.statuses[h.toStatus as keyof ConsoleTexts['statuses']] ?? h.toStatus}` : '';
  const note =
    h.kind === INTERNAL_NOTE_KIND && typeof h.data?.text === 'string'
      ? html`<div class="note-text">${h.data.text}</div>`
      : h.kind === 'routed' && h.data?.reason === TRIAGE_AFTER_FAILURE
        ? html`<div class="note-text">${d.routedAfterFailure}</div>`
        : '';
  return html`<li>${when(h.at)}: ${t.historyKinds[h.kind] ?? h.kind.replace(/_/g, ' ')}${status} (${d.by} ${who})${note}</li>`;
}

function actions(t: ConsoleTexts, m: ApplicationPageModel): SafeHtml {
  const d = t.detail;
  const forms: SafeHtml[] = [...caseworkActions(t, m), ...deadlineActions(t, m), ...dispositionActions(t, m)];
  if (mayAct(m, 'note')) {
    forms.push(
      actionForm(
        t,
        m,
        'note',
        d.note,
        actionPath(m, 'note'),
        textArea({ id: 'note-text', name: 'text', label: d.note.text, hint: d.note.hint, value: m.values['note-text'], rows: 3 }, m.errors),
      ),
    );
  }
  // A form no longer offered (the page was stale) still says why it was refused, above the actions.
  const refusedElsewhere = m.refused && !forms.some((f) => f.value.includes(`id="action-${m.refused!.form}"`));
  return html`<div class="actions" id="actions">
<h2>${d.actions}</h2>
${refusedElsewhere ? notice({ kind: 'refused', text: m.refused!.text }, `${m.refused!.form}-refused`) : ''}
${forms.length ? forms : html`<p>${d.noActions}</p>`}
</div>`;
}
