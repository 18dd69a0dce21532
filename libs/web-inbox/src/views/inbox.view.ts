import { APPLICATION_STATUSES, formatTrackingNumber } from '@petitio/applications';
import { InboxItem } from '@petitio/inbox';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { inboxAddress } from '@petitio/web-dashboard';
import { FieldErrors, checked, errorSummary, fieldError, hidden, selected, textField } from '@petitio/web-kit';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { DRILL_DOWN_PARAMS, DrillDown, drillDownFields, drillDownSummary } from './inbox-drill-down';
import { consoleLayout, formatDate, notice } from '@petitio/web-console';
import { slaBadge } from '@petitio/web-console';

/** The inbox's filters as the query string carries them. */
export interface InboxFilters {
  status: string;
  due: string;
  escalated: string;
  q: string;
  mine: string;
  /** Page size; not on the form, kept in the paging links. */
  limit: string;
}

export interface InboxPageModel {
  filters: InboxFilters;
  /** The filters a dashboard figure's link set; kept by the form and the paging links. */
  drillDown: DrillDown;
  errors: FieldErrors;
  items: InboxItem[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
  /** Whether this page is a later one (the first page link shows). */
  paged: boolean;
  csrf: string;
  timeZone: string;
  /** This page's address with its filters, for the language switcher. */
  page?: string;
  /** Said at the top after an action that took the application out of this page (a transfer). */
  confirmation?: string;
  /** The viewer's roles, for the navigation. */
  roles: readonly StaffRole[];
}

export function inboxPage(language: ConsoleLanguage, m: InboxPageModel): SafeHtml {
  const t = consoleTexts(language);
  const i = t.inbox;
  const c = i.columns;
  const f = m.filters;
  return consoleLayout(
    { language, title: i.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: m.page },
    html`<h1>${i.title}</h1>
${notice(m.confirmation ? { kind: 'done', text: m.confirmation } : undefined, 'confirmation')}
${errorSummary(t.errorSummary, m.errors, DRILL_DOWN_ANCHORS)}
${drillDownSummary(t, m.drillDown, pageLink(f, null))}
<form method="get" action="/staff/inbox" class="filters" aria-labelledby="filters-title">
<h2 id="filters-title">${i.filters}</h2>
<div class="field"><label for="status">${i.status}</label>${fieldError('status', m.errors)}
<select id="status" name="status"><option value="">${i.anyStatus}</option><option value="open"${selected(f.status === 'open')}>${i.openStatuses}</option>${APPLICATION_STATUSES.map(
      (s) => html`<option value="${s}"${selected(f.status === s)}>${t.statuses[s]}</option>`,
    )}</select></div>
<div class="field"><label for="due">${i.due}</label>${fieldError('due', m.errors)}
<select id="due" name="due"><option value="">${i.anyDue}</option>${Object.entries({ overdue: i.dueOverdue, soon: i.dueSoon, today: i.dueToday }).map(
      ([due, words]) => html`<option value="${due}"${selected(f.due === due)}>${words}</option>`,
    )}</select></div>
${textField({ id: 'q', label: i.search, value: f.q, hint: i.searchHint, maxlength: 200 }, m.errors)}
<div>
<div class="choice"><input type="checkbox" id="mine" name="mine" value="true"${checked(f.mine === 'true')}><label for="mine">${i.mine}</label></div>
<div class="choice"><input type="checkbox" id="escalated" name="escalated" value="center"${checked(f.escalated === 'center')}><label for="escalated">${i.escalated}</label></div>
</div>
${f.limit ? hidden('limit', f.limit) : ''}${drillDownFields(m.drillDown)}<div><button type="submit">${i.apply}</button> <a href="/staff/inbox">${i.clear}</a></div>
</form>
${
  m.items.length === 0
    ? html`<p id="inbox-empty">${i.empty}</p>`
    : html`<table id="inbox">
<caption>${i.caption}</caption>
<thead><tr><th scope="col">${c.trackingNumber}</th><th scope="col">${c.subject}</th><th scope="col">${c.status}</th><th scope="col">${c.agency}</th><th scope="col">${c.received}</th><th scope="col">${c.deadline}</th></tr></thead>
<tbody>${m.items.map(
        (a) => html`<tr data-id="${a.id}">
<td><a href="/staff/applications/${a.id}" class="number">${formatTrackingNumber(a.trackingNumber)}</a></td>
<td>${a.subject}</td>
<td>${t.statuses[a.status] ?? a.status}</td>
<td>${a.agency?.name ?? i.noAgency}</td>
<td>${formatDate(language, m.timeZone, a.createdAt)}</td>
<td>${slaBadge(t, a.sla)}</td>
</tr>`,
      )}</tbody>
</table>`
}
${
  m.nextCursor || m.paged
    ? html`<nav class="paging" aria-label="${i.paging}">${m.paged ? html`<a href="${pageLink(f, null, m.drillDown)}">${i.firstPage}</a>` : ''}${
        m.nextCursor ? html`<a href="${pageLink(f, m.nextCursor, m.drillDown)}" rel="next">${i.nextPage}</a>` : ''
      }</nav>`
    : ''
}`,
  );
}

/**
 * A refused drill-down filter has no field of its own: the error summary points at the filters in words. A refused
 * page cursor (stale, or edited) points at the filters, whose button starts the list again.
 */
const DRILL_DOWN_ANCHORS: Record<string, string> = { ...Object.fromEntries(DRILL_DOWN_PARAMS.map((name) => [name, 'drill-down'])), cursor: 'filters-title' };

/** The same filters (and drill-down filters, when given), at another page. */
export function pageLink(filters: InboxFilters, cursor: string | null, drillDown?: DrillDown): string {
  return inboxAddress({ ...drillDown, ...filters, cursor: cursor ?? undefined });
}
