import { SafeHtml, html } from '@petitio/platform';
import { deploymentLanguages, languageNameIn } from '@petitio/i18n';
import type { RoutingPreview, RoutingRuleView } from '@petitio/routing';
import type { StaffRole } from '@petitio/staff';
import { FieldErrors, checked, described, errorSummary, fieldError, hidden, textArea, textField } from '@petitio/web-kit';
import { CSRF_FIELD } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { Choice, selectField } from '@petitio/web-console';
import { consoleLayout, notice } from '@petitio/web-console';
import { adminDirectoryTexts } from '../admin-directory-texts';
import { AdminRoutingTexts, adminRoutingTexts } from '../admin-routing-texts';
import { agencyField } from './directory-fields';

/** What the selects offer, each by code: the criteria and the agencies a rule may name. */
export interface RoutingChoices {
  types: Choice[];
  topics: Choice[];
  provinces: Choice[];
  districts: Choice[];
  /** None for a directory too large for a menu: the agency is then typed as a code. */
  agencies?: Choice[];
  /** Names of the agencies the page shows, by code. */
  agencyLabels: ReadonlyMap<string, string>;
}

export interface RuleFormValues {
  code: string;
  description: string;
  typeCode: string;
  topicCode: string;
  provinceCode: string;
  districtCode: string;
  keywords: string;
  agencyCode: string;
  position: string;
  active: boolean;
}

export interface PreviewFormValues {
  type: string;
  topicCode: string;
  provinceCode: string;
  districtCode: string;
  subject: string;
  body: string;
  language: string;
}

export const ROUTING_DONE = ['created', 'updated', 'deleted'] as const;
export type RoutingDone = (typeof ROUTING_DONE)[number];

interface Signed {
  csrf: string;
  roles: readonly StaffRole[];
}

export interface RoutingPageModel extends Signed {
  rules: RoutingRuleView[];
  choices: RoutingChoices;
  values: RuleFormValues;
  errors: FieldErrors;
  preview: { values: PreviewFormValues; errors: FieldErrors; result?: RoutingPreview };
  done?: RoutingDone;
}

export interface RuleEditModel extends Signed {
  rule: RoutingRuleView;
  choices: RoutingChoices;
  values: RuleFormValues;
  errors: FieldErrors;
}

const PAGE = '/staff/admin/routing';

/** The rules in the order they are tried, the form that adds one, and the preview. */
export function routingPage(language: ConsoleLanguage, m: RoutingPageModel): SafeHtml {
  const a = adminRoutingTexts(language);
  const r = a.routing;
  const k = r.columns;
  return consoleLayout(
    { language, title: r.title, signedIn: { csrf: m.csrf, roles: m.roles }, page: PAGE },
    html`<h1>${r.title}</h1>
${notice(m.done ? { kind: 'done', text: r.done[m.done] } : undefined, 'confirmation')}
<p>${r.intro}</p>
${
  m.rules.length === 0
    ? html`<p id="rules-empty">${r.empty}</p>`
    : html`<table id="rules">
<caption>${r.caption}</caption>
<thead><tr><th scope="col">${k.order}</th><th scope="col">${k.code}</th><th scope="col">${k.criteria}</th><th scope="col">${k.agency}</th><th scope="col">${k.position}</th><th scope="col">${k.status}</th><th scope="col">${k.actions}</th></tr></thead>
<tbody>${m.rules.map(
        (rule) =>
          html`<tr data-id="${rule.id}" data-code="${rule.code}"><td>${rule.order ?? '—'}</td><td>${rule.code}${rule.description ? html`<br>${rule.description}` : ''}</td><td>${criteriaInWords(a, m.choices, rule)}</td><td>${agencyLabel(
            m.choices,
            rule.agencyCode,
          )}</td><td>${rule.position}</td><td>${rule.active ? a.active : a.inactive}</td><td><a href="${PAGE}/${rule.id}">${r.edit({ code: rule.code })}</a></td></tr>`,
      )}</tbody>
</table>`
}
<section aria-labelledby="create-title">
<h2 id="create-title">${r.createTitle}</h2>
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${PAGE}" novalidate id="create-rule">
${hidden(CSRF_FIELD, m.csrf)}
${textField({ id: 'code', label: r.code, hint: r.codeHint, value: m.values.code, maxlength: 64, autocomplete: 'off' }, m.errors)}
${ruleFields(language, a, m.choices, m.values, m.errors)}
<button type="submit">${r.create}</button>
</form>
</section>
${previewSection(language, a, m)}`,
  );
}

/** One rule's form (its code fixed), and the way to delete it. */
export function ruleEditPage(language: ConsoleLanguage, m: RuleEditModel): SafeHtml {
  const a = adminRoutingTexts(language);
  const r = a.routing;
  const title = r.editTitle({ code: m.rule.code });
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: `${PAGE}/${m.rule.id}` },
    html`<h1>${title}</h1>
<p><a href="${PAGE}">${a.backToList}</a></p>
<p id="place">${m.rule.order === null ? r.notTried : r.placeInOrder({ order: m.rule.order })}</p>
${errorSummary(consoleTexts(language).errorSummary, m.errors)}
<form method="post" action="${PAGE}/${m.rule.id}" novalidate id="edit-rule">
${hidden(CSRF_FIELD, m.csrf)}
${ruleFields(language, a, m.choices, m.values, m.errors)}
<button type="submit">${a.save}</button>
</form>
<p><a href="${PAGE}/${m.rule.id}/delete">${r.delete}</a></p>`,
  );
}

/** "Delete this rule?" with what deleting does, a button that does it and a way back. */
export function ruleDeletePage(language: ConsoleLanguage, m: Signed & { rule: RoutingRuleView }): SafeHtml {
  const a = adminRoutingTexts(language);
  const r = a.routing;
  const title = r.deleteTitle({ code: m.rule.code });
  return consoleLayout(
    { language, title, signedIn: { csrf: m.csrf, roles: m.roles }, page: `${PAGE}/${m.rule.id}/delete` },
    html`<h1>${title}</h1>
<p>${r.deleteWarning}</p>
<form method="post" action="${PAGE}/${m.rule.id}/delete" id="delete-rule">
${hidden(CSRF_FIELD, m.csrf)}
<button type="submit">${r.deleteConfirm}</button>
</form>
<p><a href="${PAGE}/${m.rule.id}">${a.cancel}</a></p>`,
  );
}

function ruleFields(language: ConsoleLanguage, a: AdminRoutingTexts, c: RoutingChoices, v: RuleFormValues, errors: FieldErrors): SafeHtml {
  const r = a.routing;
  return html`${textField({ id: 'description', label: r.description, optional: a.optional, value: v.description, maxlength: 500 }, errors)}
<fieldset id="criteria"${described('criteria', errors, true)}><legend>${a.routing.columns.criteria}</legend>
<p class="hint" id="criteria-hint">${r.criteriaHint}</p>${fieldError('criteria', errors)}
${selectField({ id: 'typeCode', name: 'typeCode', label: r.type, placeholder: a.any, options: c.types, value: v.typeCode }, errors)}
${selectField({ id: 'topicCode', name: 'topicCode', label: r.topic, placeholder: a.any, options: c.topics, value: v.topicCode }, errors)}
${selectField({ id: 'provinceCode', name: 'provinceCode', label: r.province, placeholder: a.anywhere, options: c.provinces, value: v.provinceCode }, errors)}
${selectField({ id: 'districtCode', name: 'districtCode', label: r.district, hint: r.districtHint, placeholder: a.anywhere, options: c.districts, value: v.districtCode }, errors)}
${textField({ id: 'keywords', label: r.keywords, hint: r.keywordsHint, optional: a.optional, value: v.keywords, autocomplete: 'off' }, errors)}
</fieldset>
${agencyField(adminDirectoryTexts(language), { id: 'agencyCode', label: r.agency, placeholder: r.chooseAgency, options: c.agencies, value: v.agencyCode }, errors)}
${textField({ id: 'position', label: r.position, hint: r.positionHint, value: v.position, maxlength: 6, autocomplete: 'off' }, errors)}
<div class="choice">${fieldError('active', errors)}<input type="checkbox" id="active" name="active" value="true"${checked(v.active)}><label for="active">${r.activeLabel}</label></div>`;
}

function previewSection(language: ConsoleLanguage, a: AdminRoutingTexts, m: RoutingPageModel): SafeHtml {
  const r = a.routing;
  const v = m.preview.values;
  const errors = m.preview.errors;
  const result = m.preview.result;
  const languages = deploymentLanguages().map((l) => ({ value: l, label: languageNameIn(l, language) }));
  return html`<section aria-labelledby="preview-title" id="preview">
<h2 id="preview-title">${r.previewTitle}</h2>
<p>${r.previewIntro}</p>
${result ? previewResult(a, m.choices, result) : ''}
${errorSummary(consoleTexts(language).errorSummary, errors)}
<form method="post" action="${PAGE}/preview#preview" novalidate id="preview-form">
${hidden(CSRF_FIELD, m.csrf)}
${selectField({ id: 'preview-type', name: 'type', label: r.type, placeholder: a.any, options: m.choices.types, value: v.type }, errors)}
${selectField({ id: 'preview-topicCode', name: 'topicCode', label: r.topic, placeholder: a.any, options: m.choices.topics, value: v.topicCode }, errors)}
${selectField({ id: 'preview-provinceCode', name: 'provinceCode', label: r.province, placeholder: a.anywhere, options: m.choices.provinces, value: v.provinceCode }, errors)}
${selectField({ id: 'preview-districtCode', name: 'districtCode', label: r.district, placeholder: a.anywhere, options: m.choices.districts, value: v.districtCode }, errors)}
${textField({ id: 'preview-subject', name: 'subject', label: r.subject, optional: a.optional, value: v.subject, maxlength: 200, autocomplete: 'off' }, errors)}
${textArea({ id: 'preview-body', name: 'body', label: r.body, optional: a.optional, value: v.body, rows: 3 }, errors)}
${selectField({ id: 'preview-language', name: 'language', label: r.language, placeholder: '—', options: languages, value: v.language }, errors)}
<button type="submit">${r.previewSubmit}</button>
</form>
</section>`;
}

function previewResult(a: AdminRoutingTexts, c: RoutingChoices, p: RoutingPreview): SafeHtml {
  const r = a.routing;
  const why = p.rule ? r.byRule({ code: p.rule.code, order: p.rule.order ?? '—' }) : p.reason === 'topic_default' ? r.byTopicDefault : r.byTriage;
  return html`<div class="notice" role="status" id="preview-result" data-agency="${p.agencyCode}" data-rule="${p.rule?.code ?? ''}">
<h3>${r.previewResultTitle}</h3>
<p>${r.wouldGoTo({ agency: agencyLabel(c, p.agencyCode) })} ${why}</p>
</div>`;
}

/** A rule's criteria as the list of what an application must have; an empty one matches anything and is left out. */
function criteriaInWords(a: AdminRoutingTexts, c: RoutingChoices, rule: RoutingRuleView): SafeHtml {
  const k = a.routing.criteria;
  const items: [string, string][] = [];
  if (rule.typeCode) items.push([k.type, labelOf(c.types, rule.typeCode)]);
  if (rule.topicCode) items.push([k.topic, labelOf(c.topics, rule.topicCode)]);
  if (rule.provinceCode) items.push([k.province, labelOf(c.provinces, rule.provinceCode)]);
  if (rule.districtCode) items.push([k.district, labelOf(c.districts, rule.districtCode)]);
  if (rule.keywords.length) items.push([k.keywords, rule.keywords.join(', ')]);
  return html`<ul class="criteria">${items.map(([name, value]) => html`<li>${name}: ${value}</li>`)}</ul>`;
}

function agencyLabel(c: RoutingChoices, code: string): string {
  return c.agencyLabels.get(code) ?? code;
}

function labelOf(choices: Choice[], code: string): string {
  return choices.find((c) => c.value === code)?.label ?? code;
}
