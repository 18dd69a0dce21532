import type { PhoneLanguage } from './citizen-language';

/** What an inbound text asks for, read from its first word. */
export type SmsCommand =
  | { kind: 'empty'; language?: PhoneLanguage }
  | { kind: 'help'; language?: PhoneLanguage }
  | { kind: 'status'; trackingNumber: string; language?: PhoneLanguage }
  | { kind: 'stop'; language?: PhoneLanguage }
  | { kind: 'start'; language?: PhoneLanguage }
  | { kind: 'text'; text: string; language?: PhoneLanguage };

/** Keyword → the language it is written in, so the answer comes back in the same language. */
const HELP: Record<string, PhoneLanguage> = { help: 'en', yardim: 'tr' };
const STATUS: Record<string, PhoneLanguage> = { status: 'en', durum: 'tr' };
// Twilio's own opt-out/opt-in words plus the Turkish ones; they count only as the whole message,
// so "Stop the noise at night" is a complaint, not an opt-out.
const STOP: Record<string, PhoneLanguage | undefined> = {
  stop: undefined,
  stopall: undefined,
  unsubscribe: 'en',
  cancel: 'en',
  end: 'en',
  quit: 'en',
  iptal: 'tr',
};
const START: Record<string, PhoneLanguage | undefined> = { start: undefined, unstop: undefined, basla: 'tr' };
const LANGUAGE_SWITCH: Record<string, PhoneLanguage> = { en: 'en', english: 'en', tr: 'tr', turkce: 'tr' };

/**
 * Folds a word for keyword comparison: any case, Turkish dotted/dotless i and the letters a
 * feature phone may not offer (ş, ç, ğ, ö, ü) all compare equal, so YARDIM, yardım and Yardim match.
 */
export function foldKeyword(word: string): string {
  return word
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function parseSmsCommand(body: string): SmsCommand {
  let text = body.trim();
  let language: PhoneLanguage | undefined;
  const first = firstWord(text);
  if (first && Object.hasOwn(LANGUAGE_SWITCH, foldKeyword(first.word))) {
    language = LANGUAGE_SWITCH[foldKeyword(first.word)];
    text = first.rest;
    // "EN" alone asks for the keywords in that language.
    if (!text) return { kind: 'help', language };
  }
  if (!text) return { kind: 'empty', language };
  const head = firstWord(text)!;
  const keyword = foldKeyword(head.word);
  if (Object.hasOwn(STATUS, keyword)) return { kind: 'status', trackingNumber: head.rest, language: language ?? STATUS[keyword] };
  if (!head.rest) {
    if (Object.hasOwn(HELP, keyword)) return { kind: 'help', language: language ?? HELP[keyword] };
    if (Object.hasOwn(STOP, keyword)) return { kind: 'stop', language: language ?? STOP[keyword] };
    if (Object.hasOwn(START, keyword)) return { kind: 'start', language: language ?? START[keyword] };
  }
  return { kind: 'text', text, language };
}

function firstWord(text: string): { word: string; rest: string } | undefined {
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(text);
  return match ? { word: match[1], rest: match[2].trim() } : undefined;
}
