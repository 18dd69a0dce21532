import { SafeHtml, html } from '@petitio/platform';
import { DEADLINE_UNITS, ESCALATION_TARGETS, LADDER_MAX_RUNGS, ON_AWAITING_CITIZEN_OPTIONS, ON_TRANSFER_OPTIONS, SlaPolicyView } from '@petitio/sla';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, checked, described, errorSummary, fieldError, hidden, textArea, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice, selectField } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { adminDirectoryTexts } from '../admin-directory-texts';
import { AdminRoutingTexts, adminRoutingTexts } from '../admin-routing-texts';
import { agencyField } from './directory-fields';
import { SLA_PAGE } from './sla-policies.view';

/** The edit form as typed: amounts and percentages as text, each ladder rung its ticked targets. */
export interface PolicyFormValues {
  applicationType: string;
  topicId: string;
  agencyId: string;
  periodAmount: string;
  periodUnit: string;
  onAwaitingCitizen: string;
  onTransfer: string;
  extensionAmount: string;
  extensionUnit: string;
  requiresNoticeBeforeDeadline: boolean;
  warningShares: string;
  ladder: string[][];
  reEscalationAmount: string;
  reEscalationUnit: string;
  publicLateFlag: boolean;
  notifyCitizenOnBreach: boolean;
  notifyCitizenOnExtension: boolean;
  legalBasis: string;
  active: boolean;
  applyToOpen: boolean;
}

export const POLICY_FLAGS = ['requiresNoticeBeforeDeadline', 'publicLateFlag', 'notifyCitizenOnBreach', 'notifyCitizenOnExtension', 'active'] as const;

export interface PolicyEditModel {
  csrf: string;
  roles: readonly StaffRole[];
  policy: SlaPolicyView;
  types: Choice[];
  topics: Choice[];
  /** By id; none for a directory too large for a menu, where the agency is typed as its code. */
  agencies?: Choice[];
  values: PolicyFormValues;
  errors: FieldErrors;
  /** After a save: how many open deadlines are moving (null: none were asked to). */
  done?: { moving: number | null };
}

/** Every term of one policy, and whether open applications move onto the new terms. */
export function slaPolicyEditPage(language: ConsoleLanguage, m: PolicyEditModel): SafeHtml {
  const a = adminRoutingTexts(language);
  const s = a.sla;
  const v = m.values;
  const e = m.errors;
  const title = s.editTitle({ code: m.policy.code });
  const path = `${SLA_PAGE}/${encodeURIComponent(m.policy.code)}`;
  const saved = m.done && (m.done.moving === null ? s.done.updated : m.done.moving === 0 ? s.done.noneToMove : s.done.moving({ n: m.done.moving }));
  const done = saved ? { kind: 'done' as const, text: saved } : undefined;
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: path },
    html`<h1>${title}</h1>
${notice(done, 'confirmation')}
<p><a href="${SLA_PAGE}">${a.backToList}</a></p>
<p>${s.columns.kind}: ${consoleTexts(language).detail.clockKinds[m.policy.kind]}</p>
${errorSummary(consoleTexts(language).errorSummary, e)}
<form method="post" action="${path}" novalidate id="edit-policy">
${hidden(CSRF_FIELD, m.csrf)}
<h2>${s.scopeTitle}</h2>
${selectField({ id: 'applicationType', name: 'applicationType', label: s.applicationType, placeholder: s.anyType, options: m.types, value: v.applicationType }, e)}
${selectField({ id: 'topicId', name: 'topicId', label: s.topic, placeholder: a.any, options: m.topics, value: v.topicId }, e)}
${agencyField(adminDirectoryTexts(language), { id: 'agencyId', label: s.agency, placeholder: a.any, options: m.agencies, value: v.agencyId }, e)}
<h2>${s.deadlineTitle}</h2>
${periodFields(a, 'period', s.periodLegend, undefined, v.periodAmount, v.periodUnit, e)}
${radios(
  'onAwaitingCitizen',
  s.onAwaitingCitizenLegend,
  ON_AWAITING_CITIZEN_OPTIONS.map((o) => ({ value: o, label: s.onAwaitingCitizen[o] })),
  v.onAwaitingCitizen,
  e,
)}
${radios(
  'onTransfer',
  s.onTransferLegend,
  ON_TRANSFER_OPTIONS.map((o) => ({ value: o, label: s.onTransfer[o] })),
  v.onTransfer,
  e,
)}
${periodFields(a, 'extension', s.extensionLegend, s.extensionHint, v.extensionAmount, v.extensionUnit, e)}
${checkbox('requiresNoticeBeforeDeadline', s.requiresNoticeBeforeDeadline, v.requiresNoticeBeforeDeadline, e)}
${textField({ id: 'warningShares', label: s.warningShares, hint: s.warningSharesHint, value: v.warningShares, autocomplete: 'off' }, e)}
<h2>${s.escalationTitle}</h2>
${ladderFields(a, v.ladder, e)}
${periodFields(a, 'reEscalation', s.reEscalationLegend, s.reEscalationHint, v.reEscalationAmount, v.reEscalationUnit, e)}
${checkbox('publicLateFlag', s.publicLateFlag, v.publicLateFlag, e)}
${checkbox('notifyCitizenOnBreach', s.notifyCitizenOnBreach, v.notifyCitizenOnBreach, e)}
${checkbox('notifyCitizenOnExtension', s.notifyCitizenOnExtension, v.notifyCitizenOnExtension, e)}
${textArea({ id: 'legalBasis', label: s.legalBasis, value: v.legalBasis, rows: 3 }, e)}
${checkbox('active', s.activeLabel, v.active, e)}
${radios(
  'applyToOpen',
  s.applyLegend,
  [
    { value: 'keep', label: s.applyKeep, hint: s.applyKeepHint },
    { value: 'move', label: s.applyMove, hint: s.applyMoveHint },
  ],
  v.applyToOpen ? 'move' : 'keep',
  e,
)}
<button type="submit">${a.save}</button>
</form>`,
  );
}

/** An amount and a unit side by side; ids `<id>-amount` and `<id>-unit`, as the API names their problems (`period.amount`). */
function periodFields(a: AdminRoutingTexts, id: string, legend: string, hint: string | undefined, amount: string, unit: string, e: FieldErrors): SafeHtml {
  const units = DEADLINE_UNITS.map((u) => ({ value: u, label: a.sla.units[u] }));
  return html`<fieldset id="${id}"${described(id, e, Boolean(hint))}><legend>${legend}</legend>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${fieldError(id, e)}
${textField({ id: `${id}-amount`, label: a.sla.amount, value: amount, maxlength: 12, autocomplete: 'off' }, e)}
${selectField({ id: `${id}-unit`, name: `${id}-unit`, label: a.sla.unit, placeholder: '—', options: units, value: unit }, e)}
</fieldset>`;
}

function ladderFields(a: AdminRoutingTexts, ladder: string[][], e: FieldErrors): SafeHtml {
  const s = a.sla;
  const role = (i: number) => (i === 0 ? s.rungRoles.warnings : i === 1 ? s.rungRoles.breach : s.rungRoles.reEscalation);
  return html`<div id="ladder"${described('ladder', e, true)}>
<p class="hint" id="ladder-hint">${s.ladderHint}</p>${fieldError('ladder', e)}
${Array.from({ length: LADDER_MAX_RUNGS }, (_, i) => {
  const id = `ladder-${i}`;
  const rung = ladder[i] ?? [];
  return html`<fieldset id="${id}"${described(id, e)}><legend>${s.rung({ n: i + 1 })} (${role(i)})</legend>${fieldError(id, e)}
${ESCALATION_TARGETS.map(
  (t) =>
    html`<div class="choice"><input type="checkbox" id="${id}-${t}" name="${id}" value="${t}"${checked(rung.includes(t))}><label for="${id}-${t}">${s.targets[t]}</label></div>`,
)}
</fieldset>`;
})}
</div>`;
}

function radios(id: string, legend: string, options: { value: string; label: string; hint?: string }[], value: string, e: FieldErrors): SafeHtml {
  return html`<fieldset id="${id}"${described(id, e)}><legend>${legend}</legend>${fieldError(id, e)}
${options.map(
  (o) =>
    html`<div class="choice"><input type="radio" id="${id}-${o.value}" name="${id}" value="${o.value}"${checked(o.value === value)}${
      o.hint ? html` aria-describedby="${id}-${o.value}-hint"` : ''
    }><label for="${id}-${o.value}">${o.label}</label>${o.hint ? html`<p class="hint" id="${id}-${o.value}-hint">${o.hint}</p>` : ''}</div>`,
)}
</fieldset>`;
}

function checkbox(id: string, label: string, on: boolean, e: FieldErrors): SafeHtml {
  return html`<div class="choice">${fieldError(id, e)}<input type="checkbox" id="${id}" name="${id}" value="true"${checked(on)}${described(id, e)}><label for="${id}">${label}</label></div>`;
}
