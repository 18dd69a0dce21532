import { catalogs } from '@petitio/i18n';
import { isGsm7 } from './sms-segments';

const byLanguage = new Map<string, Readonly<Record<string, string>>>();

/**
 * The letters a language lets SMS write without their marks, and how: its sms catalog's `withoutMarks`
 * (`"ş=s ğ=g"`; empty where the language allows none, as Arabic). Read once per language; a pair whose
 * replacement is not GSM-7 is left out, since it could not make the text cheaper.
 */
export function lettersWithoutMarks(language: string): Readonly<Record<string, string>> {
  let letters = byLanguage.get(language);
  if (!letters) byLanguage.set(language, (letters = parseLetters(catalogs.texts('sms', language).withoutMarks)));
  return letters;
}

export function parseLetters(list: string): Readonly<Record<string, string>> {
  const pairs = list
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split('='))
    .filter(([letter, plain]) => letter && plain !== undefined && !isGsm7(letter) && isGsm7(plain));
  return Object.fromEntries(pairs);
}

/** What an SMS in `language` may write without marks, under the deployment's SMS_TRANSLITERATE: nothing when it is off. */
export function smsLetters(transliterate: boolean, language: string): Readonly<Record<string, string>> {
  return transliterate ? lettersWithoutMarks(language) : {};
}
