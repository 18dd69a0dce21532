import { AgencyTreeEntry, LocalisedNames, NAME_MAX_LENGTH, localise, nameLanguages } from '@petitio/directory';
import { languageNameIn } from '@petitio/i18n';
import { SafeHtml, html } from '@petitio/platform';
import { FieldErrors, fieldError, textField } from '@petitio/web-kit';
import { ConsoleLanguage } from '@petitio/web-console';
import { Choice, selectField } from '@petitio/web-console';
import { AdminDirectoryTexts } from '../admin-directory-texts';

/** A name per language as the form sends it: one text field for each of the deployment's languages. */
export type NameValues = Record<string, string>;

/** The form's controls for the names: the fieldset, then one field per language. */
export function nameControls(): string[] {
  return ['names', ...nameLanguages().map((l) => `names-${l}`)];
}

export function nameValues(names: LocalisedNames = {}): NameValues {
  return Object.fromEntries(nameLanguages().map((l) => [l, names[l] ?? '']));
}

/** A name field per language in a fieldset, labelled in the page's language; "give at least one" is said at the top of it. */
export function namesFieldset(language: ConsoleLanguage, d: AdminDirectoryTexts, values: NameValues, errors: FieldErrors): SafeHtml {
  return html`<fieldset id="names"${errors.names ? html` aria-describedby="names-hint names-error"` : html` aria-describedby="names-hint"`}><legend>${d.names.legend}</legend>
<p class="hint" id="names-hint">${d.names.hint}</p>${fieldError('names', errors)}
${nameLanguages().map((l) => textField({ id: `names-${l}`, label: d.names.nameIn({ language: languageNameIn(l, language) }), value: values[l] ?? '', maxlength: NAME_MAX_LENGTH, autocomplete: 'off' }, errors))}
</fieldset>`;
}

/** Agencies to pick from, each indented by its depth so that the list reads like the tree. */
export function agencyChoices(language: ConsoleLanguage, entries: AgencyTreeEntry[]): Choice[] {
  return entries.map((e) => ({ value: e.code, label: `${'\u00a0\u00a0\u00a0'.repeat(e.depth)}${localise(e.names, language)} (${e.code})` }));
}

/**
 * An agency field: a menu of `options`, or, for a directory too large for a menu (no options), the agency's code typed,
 * with `codeHint` (by default: how to find a code) after the hint, and marked `optional` when it may stay empty.
 */
export function agencyField(
  d: AdminDirectoryTexts,
  o: { id: string; label: string; placeholder: string; hint?: string; codeHint?: string; optional?: string; options?: Choice[]; value: string },
  errors: FieldErrors,
): SafeHtml {
  if (o.options)
    return selectField({ id: o.id, name: o.id, label: o.label, hint: o.hint, placeholder: o.placeholder, options: o.options, value: o.value }, errors);
  const hint = [o.hint, o.codeHint ?? d.agencies.agencyCodeHint].filter(Boolean).join(' ');
  return textField({ id: o.id, label: o.label, hint, optional: o.optional, value: o.value, maxlength: 64, autocomplete: 'off' }, errors);
}
