import { InvalidInputError } from '@petitio/platform';

/** Trimmed text that must say something and stay within `max` characters. */
export function requiredText(field: string, value: string | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw new InvalidInputError([{ field, code: 'required' }]);
  if (text.length > max) throw new InvalidInputError([{ field, code: 'too_long', args: { max } }]);
  return text;
}
