import { TopicAdminView } from '@petitio/catalogue';
import { localise } from '@petitio/directory';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, errorSummary, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { AdminDirectoryTexts, adminDirectoryTexts } from '../admin-directory-texts';
import { NameValues, agencyField, namesFieldset } from './directory-fields';

export const TOPICS_PATH = '/staff/admin/topics';
export type TopicDone = 'created' | 'updated' | 'deactivated' | 'reactivated';

export interface TopicFormValues {
  code: string;
  names: NameValues;
  defaultAgencyCode: string;
  /** As typed: words separated by commas. */
  keywords: string;
}

interface TopicFormModel {
  csrf: string;
  roles: readonly StaffRole[];
  /** Active agencies a topic may default to, indented as the tree; none for a directory too large for a menu. */
  agencies?: Choice[];
  values: TopicFormValues;
  errors: FieldErrors;
}

export interface TopicsPageModel extends TopicFormModel {
  topics: TopicAdminView[];
  /** Agency names by code, for the table. */
  agencyNames: ReadonlyMap<string, string>;
  mayManage: boolean;
  done?: TopicDone;
}

export interface TopicEditModel extends TopicFormModel {
  topic: TopicAdminView;
  done?: TopicDone;
}

export function topicsPage(language: ConsoleLanguage, m: TopicsPageModel): SafeHtml {
  const d = adminDirectoryTexts(language);
  const p = d.topics;
  const k = p.columns;
  return consoleLayout(
    { language, title: p.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: TOPICS_PATH },
    html`<h1>${p.title}</h1>
${notice(m.done ? { kind: 'done', text: p.done[m.done] } : undefined, 'confirmation')}
${m.mayManage ? '' : html`<p>${p.readOnly}</p>`}
${
  m.topics.length === 0
    ? html`<p id="topics-empty">${p.empty}</p>`
    : html`<table id="topics">
<caption>${p.caption}</caption>
<thead><tr><th scope="col">${k.name}</th><th scope="col">${k.code}</th><th scope="col">${k.defaultAgency}</th><th scope="col">${k.keywords}</th><th scope="col">${k.status}</th></tr></thead>
<tbody>${m.topics.map((topic) => {
        const name = localise(topic.names, language);
        return html`<tr data-code="${topic.code}"><td>${m.mayManage ? html`<a href="${TOPICS_PATH}/${topic.code}">${name}</a>` : name}</td><td>${topic.code}</td><td>${
          topic.defaultAgencyCode ? (m.agencyNames.get(topic.defaultAgencyCode) ?? topic.defaultAgencyCode) : p.toTriage
        }</td><td>${topic.keywords.join(', ')}</td><td>${topic.active ? p.active : d.inactive}</td></tr>`;
      })}</tbody>
</table>`
}
${m.mayManage ? createForm(language, m) : ''}`,
  );
}

function createForm(language: ConsoleLanguage, m: TopicsPageModel): SafeHtml {
  const d = adminDirectoryTexts(language);
  return html`<section aria-labelledby="create-title">
<h2 id="create-title">${d.topics.createTitle}</h2>
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${TOPICS_PATH}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'code', label: d.topics.code, hint: d.topics.codeHint, value: m.values.code, maxlength: 64, autocomplete: 'off' }, m.errors)}
${topicFields(language, d, m)}
<button type="submit">${d.topics.create}</button>
</form>
</section>`;
}

/** What a topic's create and edit forms share: names, default agency, keywords. */
function topicFields(language: ConsoleLanguage, d: AdminDirectoryTexts, m: TopicFormModel): SafeHtml {
  const p = d.topics;
  return html`${namesFieldset(language, d, m.values.names, m.errors)}
${agencyField(d, { id: 'defaultAgencyCode', label: p.defaultAgencyCode, hint: p.defaultAgencyHint, placeholder: p.toTriage, options: m.agencies, value: m.values.defaultAgencyCode }, m.errors)}
${textField({ id: 'keywords', label: p.keywords, hint: p.keywordsHint, optional: d.optional, value: m.values.keywords, autocomplete: 'off' }, m.errors)}`;
}

export function topicEditPage(language: ConsoleLanguage, m: TopicEditModel): SafeHtml {
  const d = adminDirectoryTexts(language);
  const p = d.topics;
  const path = `${TOPICS_PATH}/${m.topic.code}`;
  const title = p.editTitle({ code: m.topic.code });
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: path },
    html`<p><a href="${TOPICS_PATH}">${d.backToList}</a></p>
<h1>${title}</h1>
${notice(m.done ? { kind: 'done', text: p.done[m.done] } : undefined, 'confirmation')}
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${path}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${topicFields(language, d, m)}
<button type="submit">${d.save}</button>
</form>
<section aria-labelledby="status-title">
<h2 id="status-title">${p.statusTitle}</h2>
<p>${m.topic.active ? p.activeNow : p.inactiveNow}</p>
<form method="post" action="${path}/status">
${hidden(CSRF_FIELD, m.csrf)}${hidden('active', m.topic.active ? 'false' : 'true')}
<button type="submit">${m.topic.active ? p.deactivate : p.reactivate}</button>
</form>
</section>`,
  );
}
