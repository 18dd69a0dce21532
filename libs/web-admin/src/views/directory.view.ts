import { AGENCY_KINDS, AGENCY_LIST_LIMIT, AgencyAdminView, AgencyLevelEntry, AgencyTreeEntry, childrenByParent, localise } from '@petitio/directory';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, errorSummary, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice, selectField } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { adminDirectoryTexts } from '../admin-directory-texts';
import { NameValues, agencyField, namesFieldset } from './directory-fields';

export const AGENCIES_PATH = '/staff/admin/agencies';
export type AgencyDone = 'created' | 'updated' | 'deactivated' | 'reactivated';

export interface NewAgencyValues {
  code: string;
  names: NameValues;
  kind: string;
  contactEmail: string;
  parentCode: string;
}

export interface DirectoryPageModel {
  csrf: string;
  roles: readonly StaffRole[];
  /** Depth-first: the whole directory for center admins, a supervisor's own subtree for them. */
  tree: AgencyTreeEntry[];
  /** Center admins add and edit; supervisors only read. */
  mayManage: boolean;
  /** Active agencies a new one may go under. */
  parents: Choice[];
  values: NewAgencyValues;
  errors: FieldErrors;
  done?: AgencyDone;
  /** A directory too large to list whole: one level of it, where that level is, and what a search found. */
  browse?: DirectoryLevel;
}

export interface DirectoryLevel {
  /** From the top down to the agency whose children are listed; empty at the top. */
  path: AgencyAdminView[];
  entries: AgencyLevelEntry[];
  query: string;
  results?: AgencyLevelEntry[];
}

export function directoryPage(language: ConsoleLanguage, m: DirectoryPageModel): SafeHtml {
  const a = adminDirectoryTexts(language).agencies;
  return consoleLayout(
    { language, title: a.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: AGENCIES_PATH },
    html`<h1>${a.title}</h1>
${notice(m.done ? { kind: 'done', text: a.done[m.done] } : undefined, 'confirmation')}
${m.mayManage ? '' : html`<p>${a.readOnly}</p>`}
${
  m.browse
    ? levelView(language, m, m.browse)
    : m.tree.length === 0
      ? html`<p id="agencies-empty">${a.empty}</p>`
      : html`<nav id="agencies" aria-label="${a.treeLabel}">${branch(language, m, childrenByParent(m.tree), null)}</nav>`
}
${m.mayManage ? createForm(language, m) : ''}`,
  );
}

function branch(language: ConsoleLanguage, m: DirectoryPageModel, children: Map<string | null, AgencyTreeEntry[]>, parent: string | null): SafeHtml {
  return html`<ul>${(children.get(parent) ?? []).map(
    (e) => html`<li data-code="${e.code}">${agencyLine(language, m, e)}${children.has(e.code) ? branch(language, m, children, e.code) : ''}</li>`,
  )}</ul>`;
}

/** One level of a large directory: a search form, what it found, the path down to this level, and the level. */
function levelView(language: ConsoleLanguage, m: DirectoryPageModel, level: DirectoryLevel): SafeHtml {
  const a = adminDirectoryTexts(language).agencies;
  const at = (code: string) => `${AGENCIES_PATH}?under=${encodeURIComponent(code)}`;
  const list = (entries: AgencyLevelEntry[], id: string, label: string) =>
    html`<ul id="${id}" aria-label="${label}">${entries.map(
      (e) =>
        html`<li data-code="${e.code}">${agencyLine(language, m, e)}${e.childCount ? html` <a href="${at(e.code)}" class="level-link">${a.unitsUnder({ n: e.childCount })}</a>` : ''}</li>`,
    )}</ul>${entries.length >= AGENCY_LIST_LIMIT ? html`<p>${a.listLimited({ n: AGENCY_LIST_LIMIT })}</p>` : ''}`;
  return html`<form method="get" action="${AGENCIES_PATH}" role="search" id="agency-search">
${textField({ id: 'q', label: a.searchLabel, value: level.query, maxlength: 100, autocomplete: 'off' }, {})}
<button type="submit">${a.search}</button>
</form>
${
  level.results
    ? html`<section aria-labelledby="results-title"><h2 id="results-title">${a.resultsTitle({ q: level.query })}</h2>${
        level.results.length ? list(level.results, 'agency-results', a.resultsTitle({ q: level.query })) : html`<p id="agency-no-results">${a.noResults}</p>`
      }</section>`
    : ''
}
<nav aria-label="${a.pathLabel}" id="agency-path"><ol><li><a href="${AGENCIES_PATH}">${a.topLevel}</a></li>${level.path.map(
    (p) => html`<li><a href="${at(p.code)}">${localise(p.names, language)}</a></li>`,
  )}</ol></nav>
${level.entries.length === 0 ? html`<p id="agencies-empty">${a.empty}</p>` : list(level.entries, 'agencies', a.levelLabel)}`;
}

function agencyLine(language: ConsoleLanguage, m: DirectoryPageModel, e: AgencyAdminView): SafeHtml {
  const d = adminDirectoryTexts(language);
  const name = localise(e.names, language);
  const details = [e.code, d.kinds[e.kind] ?? e.kind, e.contactEmail].filter(Boolean).join(' · ');
  return html`${m.mayManage ? html`<a href="${AGENCIES_PATH}/${e.code}">${name}</a>` : html`<span>${name}</span>`} <span class="details">${details}</span>${
    e.active ? '' : html` <strong class="inactive">(${d.inactive})</strong>`
  }`;
}

function createForm(language: ConsoleLanguage, m: DirectoryPageModel): SafeHtml {
  const t = consoleTexts(language);
  const d = adminDirectoryTexts(language);
  const a = d.agencies;
  const v = m.values;
  return html`<section aria-labelledby="create-title">
<h2 id="create-title">${a.createTitle}</h2>
${errorSummary(t.errorSummary, m.errors)}
<form method="post" action="${AGENCIES_PATH}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'code', label: a.code, hint: a.codeHint, value: v.code, maxlength: 64, autocomplete: 'off' }, m.errors)}
${namesFieldset(language, d, v.names, m.errors)}
${selectField({ id: 'kind', name: 'kind', label: a.kind, placeholder: a.chooseKind, options: AGENCY_KINDS.map((k) => ({ value: k, label: d.kinds[k] ?? k })), value: v.kind }, m.errors)}
${textField({ id: 'contactEmail', label: a.contactEmail, optional: d.optional, type: 'email', value: v.contactEmail, maxlength: 254, autocomplete: 'off' }, m.errors)}
${parentField(language, m.browse ? undefined : m.parents, v.parentCode, m.errors)}
<button type="submit">${a.create}</button>
</form>
</section>`;
}

/** The parent as a menu of agencies, or, for a directory too large for a menu (`parents` not given), as a code. */
export function parentField(language: ConsoleLanguage, parents: Choice[] | undefined, value: string, errors: FieldErrors): SafeHtml {
  const d = adminDirectoryTexts(language);
  const a = d.agencies;
  return agencyField(
    d,
    { id: 'parentCode', label: a.parentCode, placeholder: a.noParent, codeHint: a.parentCodeHint, optional: d.optional, options: parents, value },
    errors,
  );
}
