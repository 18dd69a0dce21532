import { AgencyAdminView } from '@petitio/directory';
import { SafeHtml, html } from '@petitio/platform';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, errorSummary, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { adminDirectoryTexts } from '../admin-directory-texts';
import { NameValues, namesFieldset } from './directory-fields';
import { AGENCIES_PATH, AgencyDone, parentField } from './directory.view';

export interface AgencyEditValues {
  names: NameValues;
  contactEmail: string;
  parentCode: string;
}

export interface AgencyEditModel {
  csrf: string;
  roles: readonly StaffRole[];
  agency: AgencyAdminView;
  /** Where it may move: active agencies outside its own subtree, and its current parent; none for a directory too large for a menu (the parent is then typed as a code). */
  parents?: Choice[];
  values: AgencyEditValues;
  errors: FieldErrors;
  done?: AgencyDone;
  /** Why the last change of status was refused, in the page language. */
  refused?: string;
}

/** One agency: its names, email and parent in one form; deactivation or reactivation in another. */
export function agencyEditPage(language: ConsoleLanguage, m: AgencyEditModel): SafeHtml {
  const t = consoleTexts(language);
  const d = adminDirectoryTexts(language);
  const a = d.agencies;
  const path = `${AGENCIES_PATH}/${m.agency.code}`;
  const title = a.editTitle({ code: m.agency.code });
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: path },
    html`<p><a href="${AGENCIES_PATH}">${d.backToList}</a></p>
<h1>${title}</h1>
${notice(m.done ? { kind: 'done', text: a.done[m.done] } : undefined, 'confirmation')}
<p>${a.kind}: ${d.kinds[m.agency.kind] ?? m.agency.kind}</p>
${errorSummary(t.errorSummary, m.errors)}
<form method="post" action="${path}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${namesFieldset(language, d, m.values.names, m.errors)}
${textField({ id: 'contactEmail', label: a.contactEmail, optional: d.optional, type: 'email', value: m.values.contactEmail, maxlength: 254, autocomplete: 'off' }, m.errors)}
${parentField(language, m.parents, m.values.parentCode, m.errors)}
<button type="submit">${d.save}</button>
</form>
<section aria-labelledby="status-title">
<h2 id="status-title">${a.statusTitle}</h2>
${notice(m.refused ? { kind: 'refused', text: m.refused } : undefined, 'refused')}
<p>${m.agency.active ? a.activeNow : a.inactiveNow}</p>
<form method="post" action="${path}/status">
${hidden(CSRF_FIELD, m.csrf)}${hidden('active', m.agency.active ? 'false' : 'true')}
<button type="submit">${m.agency.active ? a.deactivate : a.reactivate}</button>
</form>
</section>`,
  );
}
