import { IntlMessageFormat } from 'intl-messageformat';
import { CatalogJson, SOURCE_LANGUAGE } from './catalog-files';
import { messageArguments } from './message-arguments';

/** Values for a message's arguments: numbers for plurals and numbers, dates for dates. */
export type MessageValues = Record<string, string | number | Date>;

/**
 * A catalog made ready for the code that shows it, in the shape of the source catalog: a message without
 * arguments is its text; a message with arguments is a function of their values. Which is which follows the
 * source language, so every language has the same shape; a key a translation lacks says the source's words.
 */
export function catalogTexts(language: string, source: CatalogJson, translation: CatalogJson | undefined): unknown {
  return shape(language, source, translation);
}

function shape(language: string, source: unknown, translation: unknown): unknown {
  if (typeof source === 'string') {
    const own = typeof translation === 'string';
    return message(own ? language : SOURCE_LANGUAGE, own ? (translation as string) : source, messageArguments(source).size > 0);
  }
  if (Array.isArray(source)) {
    const list = Array.isArray(translation) ? translation : [];
    return source.map((item, i) => shape(language, item, list[i]));
  }
  const inner = translation !== null && typeof translation === 'object' && !Array.isArray(translation) ? (translation as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) out[key] = shape(language, value, inner[key]);
  return Object.freeze(out);
}

function message(language: string, text: string, takesValues: boolean): string | ((values: MessageValues) => string) {
  const format = new IntlMessageFormat(text, language, undefined, { ignoreTag: true });
  if (!takesValues) return String(format.format());
  return (values: MessageValues) => String(format.format(values));
}

const MARK = '\u0000';

/**
 * The words before and after a message's one argument, for a page that sets the value apart (a tracking
 * number kept left to right inside Arabic, a phone number in its own element).
 */
export function wordsAround<K extends string>(message: (values: { readonly [P in K]: string | number }) => string, name: K): [string, string] {
  const [before, after = ''] = message({ [name]: MARK } as { [P in K]: string }).split(MARK);
  return [before, after];
}
