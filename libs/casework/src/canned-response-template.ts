/** `{{name}}` in a canned response; spaces inside the braces are allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Placeholders Petitio fills itself when an answer is sent; officers cannot override them. */
export const BUILT_IN_PLACEHOLDERS = ['trackingNumber', 'citizenName', 'agencyName', 'date'] as const;
export type BuiltInPlaceholder = (typeof BUILT_IN_PLACEHOLDERS)[number];

export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAME.test(name);
}

/** Every placeholder a template uses, in order of first use, as written between the braces. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills a template's placeholders from `values`. Anything without a value is listed in `unknown`
 * (and left as written), so the caller can refuse to send a half-filled answer.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): { text: string; unknown: string[] } {
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (isPlaceholderName(name) && Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    unknown.add(name);
    return whole;
  });
  return { text, unknown: [...unknown] };
}
