import { offeredLanguages } from '@petitio/i18n';

/** A language the SMS answers are written in: one of `smsLanguages()`. */
export type PhoneLanguage = string;

/** The SMS conversation's languages, the default first: the deployment's that have `sms.json`. */
export function smsLanguages(): PhoneLanguage[] {
  return offeredLanguages('sms');
}

/** Languages the voice menu speaks: those the telephony provider has a voice for here. */
export const VOICE_LANGUAGES = ['tr', 'en'] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

/** A caller's language when they have not chosen one: Turkish for Turkish numbers, English otherwise. */
export function languageOfNumber(e164: string): VoiceLanguage {
  return e164.startsWith('+90') ? 'tr' : 'en';
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
