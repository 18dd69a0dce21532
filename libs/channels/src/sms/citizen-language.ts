/** Languages the SMS and voice answers are written in; anything else is answered in English. */
export const PHONE_LANGUAGES = ['tr', 'en'] as const;
export type PhoneLanguage = (typeof PHONE_LANGUAGES)[number];

/** A caller's language when they have not chosen one: Turkish for Turkish numbers, English otherwise. */
export function languageOfNumber(e164: string): PhoneLanguage {
  return e164.startsWith('+90') ? 'tr' : 'en';
}
