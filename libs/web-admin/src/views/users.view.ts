import { SafeHtml, html } from '@petitio/platform';
import { STAFF_ROLES, StaffRole, StaffUserView } from '@petitio/staff';
import { FieldErrors, checked, errorSummary, fieldError, hidden, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { Choice, selectField } from '@petitio/web-console';

export interface InviteFormValues {
  email: string;
  displayName: string;
  agencyId: string;
  roles: string[];
}

export interface UsersPageModel {
  csrf: string;
  roles: readonly StaffRole[];
  users: StaffUserView[];
  agencies: Choice[];
  /** Center admins invite and disable; supervisors only read. */
  mayManage: boolean;
  values: InviteFormValues;
  errors: FieldErrors;
  done?: 'invited' | 'disabled' | 'unlocked';
  refused?: string;
}

export function usersPage(language: ConsoleLanguage, m: UsersPageModel): SafeHtml {
  const t = consoleTexts(language);
  const u = t.users;
  const k = u.columns;
  const agencyName = new Map(m.agencies.map((a) => [a.value, a.label]));
  return consoleLayout(
    { language, title: u.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: '/staff/users' },
    html`<h1>${u.title}</h1>
${notice(m.done ? { kind: 'done', text: u[m.done] } : undefined, 'confirmation')}
${notice(m.refused ? { kind: 'refused', text: m.refused } : undefined, 'refused')}
${m.mayManage ? '' : html`<p>${u.readOnly}</p>`}
${
  m.users.length === 0
    ? html`<p id="users-empty">${u.empty}</p>`
    : html`<table id="users">
<caption>${u.caption}</caption>
<thead><tr><th scope="col">${k.name}</th><th scope="col">${k.email}</th><th scope="col">${k.roles}</th><th scope="col">${k.agency}</th><th scope="col">${k.status}</th>${
        m.mayManage ? html`<th scope="col">${k.actions}</th>` : ''
      }</tr></thead>
<tbody>${m.users.map(
        (user) =>
          html`<tr data-id="${user.id}"><td>${user.displayName}</td><td>${user.email}</td><td>${user.roles.map((r) => u.roles[r] ?? r).join(', ')}</td><td>${
            agencyName.get(user.agencyId) ?? '—'
          }</td><td>${u.statuses[user.status] ?? user.status}${user.locked ? html` <span class="locked">(${u.lockedOut})</span>` : ''}</td>${
            m.mayManage
              ? html`<td>${
                  user.locked
                    ? html`<form method="post" action="/staff/users/${user.id}/unlock">${hidden(CSRF_FIELD, m.csrf)}<button type="submit">${u.unlock({ name: user.displayName })}</button></form>`
                    : ''
                }${
                  user.status === 'disabled'
                    ? ''
                    : html`<form method="post" action="/staff/users/${user.id}/disable">${hidden(CSRF_FIELD, m.csrf)}<button type="submit">${u.disable({ name: user.displayName })}</button></form>`
                }</td>`
              : ''
          }</tr>`,
      )}</tbody>
</table>`
}
${m.mayManage ? inviteForm(language, m) : ''}`,
  );
}

function inviteForm(language: ConsoleLanguage, m: UsersPageModel): SafeHtml {
  const t = consoleTexts(language);
  const u = t.users;
  const v = m.values;
  return html`<section aria-labelledby="invite-title">
<h2 id="invite-title">${u.inviteTitle}</h2>
${errorSummary(t.errorSummary, m.errors)}
<form method="post" action="/staff/users" novalidate>
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'email', label: u.email, type: 'email', value: v.email, maxlength: 254, autocomplete: 'off' }, m.errors)}
${textField({ id: 'displayName', label: u.displayName, value: v.displayName, maxlength: 120, autocomplete: 'off' }, m.errors)}
<fieldset id="roles"${m.errors.roles ? html` aria-describedby="roles-error"` : ''}><legend>${u.rolesLegend}</legend>${fieldError('roles', m.errors)}
${STAFF_ROLES.map(
  (r) =>
    html`<div class="choice"><input type="checkbox" id="role-${r}" name="roles" value="${r}"${checked(v.roles.includes(r))}><label for="role-${r}">${u.roles[r] ?? r}</label></div>`,
)}
</fieldset>
${selectField({ id: 'agencyId', name: 'agencyId', label: u.agency, placeholder: u.chooseAgency, options: m.agencies, value: v.agencyId }, m.errors)}
<button type="submit">${u.invite}</button>
</form>
</section>`;
}
