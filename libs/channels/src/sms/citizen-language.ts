import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { SOURCE_LANGUAGE, offeredLanguages } from '@petitio/i18n';

/** A language the SMS answers are written in: one of `smsLanguages()`. */
export type PhoneLanguage = string;

/** The SMS conversation's languages, the default first: the deployment's that have `sms.json`. */
export function smsLanguages(): PhoneLanguage[] {
  return offeredLanguages('sms');
}

/** The voice menu's languages, the default first: the deployment's that have `voice.json` (which names the voice's locale). */
export function voiceLanguages(): PhoneLanguage[] {
  return offeredLanguages('voice');
}

/**
 * A caller's language when they have not chosen one: the deployment's default (the first of `languages`) for
 * numbers of its own country, English where it is offered for every other number, a withheld one included.
 */
export function languageOfNumber(e164: string, homeCountry: string, languages: readonly PhoneLanguage[]): PhoneLanguage {
  const home = languages[0] ?? SOURCE_LANGUAGE;
  if (parsePhoneNumberFromString(e164)?.country === homeCountry) return home;
  return languages.includes(SOURCE_LANGUAGE) ? SOURCE_LANGUAGE : home;
}

/**
 * The language a text is written in, where its script tells: a text mostly in Arabic letters is answered in
 * Arabic. Latin-script languages cannot be told apart this way; those keep the number's language.
 */
export function languageOfScript(text: string): PhoneLanguage | undefined {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return undefined;
  const arabic = letters.filter((letter) => /\p{Script=Arabic}/u.test(letter)).length;
  return arabic * 2 > letters.length ? 'ar' : undefined;
}
