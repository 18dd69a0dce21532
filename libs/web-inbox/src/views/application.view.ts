import { wordsAround } from '@petitio/i18n';
import { ApplicationDetail, HistoryLine } from '@petitio/inbox';
import { INTERNAL_NOTE_KIND } from '@petitio/casework';
import { formatTrackingNumber } from '@petitio/applications';
import { SafeHtml, html, paragraphsOf } from '@petitio/platform';
import { TRIAGE_AFTER_FAILURE } from '@petitio/routing';
import { textArea } from '@petitio/web-kit';
import { ConsoleLanguage, ConsoleTexts, consoleTexts } from '@petitio/web-console';
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
${
  a.citizen
    ? html`<dl class="facts" id="citizen">
<dt>${d.name}</dt><dd>${a.citizen.name ?? d.notGiven}</dd>
<dt>${d.phone}</dt><dd>${a.citizen.phone ? html`<bdi dir="ltr">${a.citizen.phone}</bdi>` : d.notGiven}</dd>
<dt>${d.email}</dt><dd>${a.citizen.email ?? d.notGiven}</dd>
</dl>`
    : html`<p id="citizen">${d.identityHidden}</p>`
}
<h2>${d.application}</h2>
<h3 id="subject">${a.subject}</h3>
<div class="body" id="body">${paragraphsOf(a.body)}</div>
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
