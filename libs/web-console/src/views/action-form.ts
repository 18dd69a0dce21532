import { ApplicationDetail } from '@petitio/inbox';
import { SafeHtml, html } from '@petitio/platform';
import type { ClockKind } from '@petitio/sla';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, described, errorSummary, fieldError, hidden, selected } from '@petitio/web-kit';
import { CSRF_FIELD } from '../console-csrf';
import { ConsoleTexts } from '../i18n';
import { notice } from './layout';

/**
 * The staff workflow on the application page, each a form posting to /staff/applications/:id/<path>, with the
 * roles of the JSON casework route it mirrors. `extend` is one form per deadline (its path names the clock).
 */
export const CONSOLE_ACTIONS = {
  claim: { path: 'claim', roles: ['officer', 'supervisor'] },
  start: { path: 'start', roles: ['officer', 'supervisor'] },
  assign: { path: 'assign', roles: ['officer', 'supervisor', 'center_admin'] },
  ask: { path: 'information-requests', roles: ['officer', 'supervisor'] },
  interim: { path: 'interim-answers', roles: ['officer', 'supervisor'] },
  answer: { path: 'answers', roles: ['officer', 'supervisor'] },
  extend: { path: 'deadlines/:kind/extension', roles: ['officer', 'supervisor', 'center_admin'] },
  transfer: { path: 'transfers', roles: ['officer', 'supervisor', 'center_admin'] },
  reject: { path: 'rejections', roles: ['officer', 'supervisor', 'center_admin'] },
  duplicate: { path: 'duplicate-of', roles: ['officer', 'supervisor', 'center_admin'] },
  close: { path: 'close', roles: ['officer', 'supervisor', 'center_admin'] },
  note: { path: 'notes', roles: ['officer', 'supervisor', 'center_admin'] },
} as const satisfies Record<string, { path: string; roles: StaffRole[] }>;
export type ConsoleAction = keyof typeof CONSOLE_ACTIONS;

/** A form on the page: an action, or `extend-<clock kind>` for one deadline's extension. Field ids start with it. */
export type FormKey = Exclude<ConsoleAction, 'extend'> | `extend-${ClockKind}`;

export interface Choice {
  value: string;
  label: string;
}

/** What the selects offer: on-duty officers of the agency, agencies, reasons and the agency's canned responses. */
export interface ActionChoices {
  officers: Choice[];
  agencies: Choice[];
  transferReasons: Choice[];
  rejectionReasons: Choice[];
  cannedResponses: Choice[];
}

export interface ApplicationPageModel {
  application: ApplicationDetail;
  viewer: { userId: string; roles: readonly StaffRole[] };
  csrf: string;
  timeZone: string;
  choices: ActionChoices;
  /** The outcome of the last action: a confirmation at the top, or a refusal next to its form. */
  done?: ConsoleAction;
  refused?: { form: FormKey; text: string };
  /** Field errors by id (`note-text`, `transfer-reasonCode`…), and what was typed, kept. */
  errors: FieldErrors;
  values: Record<string, string>;
  /** A canned response filled for this application, put into the answer for the officer to complete. */
  draft?: string;
}

export function mayAct(m: ApplicationPageModel, action: ConsoleAction): boolean {
  return (CONSOLE_ACTIONS[action].roles as readonly StaffRole[]).some((r) => m.viewer.roles.includes(r));
}

export function actionPath(m: ApplicationPageModel, action: ConsoleAction, kind?: ClockKind): string {
  return `/staff/applications/${m.application.id}/${CONSOLE_ACTIONS[action].path.replace(':kind', kind ?? '')}`;
}

/** One action as a titled section: its refusal and field errors, the form with the session's token and the version seen. */
export function actionForm(
  t: ConsoleTexts,
  m: ApplicationPageModel,
  key: FormKey,
  texts: { title: string; submit: string },
  action: string,
  fields: SafeHtml | string,
): SafeHtml {
  const own = Object.fromEntries(Object.entries(m.errors).filter(([id]) => id.startsWith(`${key}-`)));
  return html`<section aria-labelledby="${key}-title" id="action-${key}">
<h3 id="${key}-title">${texts.title}</h3>
${notice(m.refused?.form === key ? { kind: 'refused', text: m.refused.text } : undefined, `${key}-refused`)}
${errorSummary(t.errorSummary, own)}
<form method="post" action="${action}" novalidate>
${hidden(CSRF_FIELD, m.csrf)}${hidden('version', String(m.application.version))}
${fields}
<button type="submit">${texts.submit}</button>
</form>
</section>`;
}

export function selectField(
  o: { id: string; name: string; label: string; hint?: string; placeholder: string; options: Choice[]; value?: string },
  errors: FieldErrors,
): SafeHtml {
  return html`<div class="field">
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}${fieldError(o.id, errors)}
<select id="${o.id}" name="${o.name}"${described(o.id, errors, Boolean(o.hint))}>
<option value="">${o.placeholder}</option>
${o.options.map((c) => html`<option value="${c.value}"${selected(c.value === o.value)}>${c.label}</option>`)}
</select>
</div>`;
}
