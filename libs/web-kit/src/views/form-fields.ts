import { SafeHtml, html } from '@petitio/platform';

/** Field id → the localised sentence saying what is wrong with it. */
export type FieldErrors = Record<string, string>;

export function errorId(id: string): string {
  return `${id}-error`;
}

/** The attributes that tie a control to its hint and error: aria-describedby and aria-invalid. */
export function described(id: string, errors: FieldErrors, hint = false): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', errors[id] ? errorId(id) : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${errors[id] ? html` aria-invalid="true"` : ''}`;
}

export function fieldError(id: string, errors: FieldErrors): SafeHtml | string {
  return errors[id] ? html`<p class="error" id="${errorId(id)}">${errors[id]}</p>` : '';
}

/** The list at the top of a refused form, each line a link to the field it is about. */
export function errorSummary(title: string, errors: FieldErrors, anchors: Record<string, string> = {}): SafeHtml | string {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${title}</h2>
<ul>${entries.map(([id, message]) => html`<li><a href="#${anchors[id] ?? id}">${message}</a></li>`)}</ul>
</div>`;
}

export function textField(
  o: {
    id: string;
    name?: string;
    label: string;
    value?: string;
    type?: 'text' | 'tel' | 'email';
    hint?: string;
    optional?: string;
    autocomplete?: string;
    maxlength?: number;
  },
  errors: FieldErrors,
): SafeHtml {
  return html`<div class="field">
<label for="${o.id}">${o.label}${o.optional ? html` (${o.optional})` : ''}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}${fieldError(o.id, errors)}
<input type="${o.type ?? 'text'}" id="${o.id}" name="${o.name ?? o.id}" value="${o.value ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${described(o.id, errors, Boolean(o.hint))}>
</div>`;
}

export function textArea(
  o: { id: string; name?: string; label: string; value?: string; hint?: string; optional?: string; rows?: number },
  errors: FieldErrors,
): SafeHtml {
  return html`<div class="field">
<label for="${o.id}">${o.label}${o.optional ? html` (${o.optional})` : ''}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}${fieldError(o.id, errors)}
<textarea id="${o.id}" name="${o.name ?? o.id}" rows="${o.rows ?? 6}"${described(o.id, errors, Boolean(o.hint))}>${o.value ?? ''}</textarea>
</div>`;
}

export function hidden(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

export function selected(on: boolean): SafeHtml | string {
  return on ? html` selected` : '';
}

export function checked(on: boolean): SafeHtml | string {
  return on ? html` checked` : '';
}
