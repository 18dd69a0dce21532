import { catalogs } from '@petitio/i18n';
import { PhoneLanguage, languageOfScript, smsLanguages } from './citizen-language';

/** What an inbound text asks for, read from its first word. */
export type SmsCommand =
  | { kind: 'empty'; language?: PhoneLanguage }
  | { kind: 'help'; language?: PhoneLanguage }
  | { kind: 'status'; trackingNumber: string; language?: PhoneLanguage }
  | { kind: 'stop'; language?: PhoneLanguage }
  | { kind: 'start'; language?: PhoneLanguage }
  | { kind: 'text'; text: string; language?: PhoneLanguage };

type KeywordKind = 'help' | 'status' | 'stop' | 'start' | 'language';

// Twilio's own opt-out and opt-in words, in no language: the answer stays in the number's language.
const NEUTRAL: Partial<Record<KeywordKind, string[]>> = { stop: ['stop', 'stopall'], start: ['start', 'unstop'] };

let tables: Record<KeywordKind, Map<string, PhoneLanguage | undefined>> | undefined;

/**
 * Keyword → the language it is written in, so the answer comes back in the same language. Each language's
 * words are in its `sms.json` (`keywords`, comma-separated), folded as the citizen's words are.
 */
function keywords(kind: KeywordKind): Map<string, PhoneLanguage | undefined> {
  if (!tables) {
    const built = { help: new Map(), status: new Map(), stop: new Map(), start: new Map(), language: new Map() } as Record<
      KeywordKind,
      Map<string, PhoneLanguage | undefined>
    >;
    for (const language of smsLanguages()) {
      const words = catalogs.texts('sms', language).keywords;
      for (const k of Object.keys(built) as KeywordKind[]) {
        // The first language to claim a word keeps it: a translation that leaves STATUS as it is stays English.
        for (const word of words[k].split(',').map(foldKeyword)) if (word && !built[k].has(word)) built[k].set(word, language);
      }
    }
    for (const [k, words] of Object.entries(NEUTRAL) as [KeywordKind, string[]][]) for (const word of words) built[k].set(word, undefined);
    tables = built;
  }
  return tables[kind];
}

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
  if (first && keywords('language').has(foldKeyword(first.word))) {
    language = keywords('language').get(foldKeyword(first.word));
    text = first.rest;
    // "EN" alone asks for the keywords in that language.
    if (!text) return { kind: 'help', language };
  }
  if (!text) return { kind: 'empty', language };
  const head = firstWord(text)!;
  const keyword = foldKeyword(head.word);
  // STATUS alone or before digits: "حالة الطريق سيئة" (the state of the road…) is a complaint, not a lookup.
  if (keywords('status').has(keyword) && (!head.rest || /^\p{Nd}/u.test(head.rest))) {
    return { kind: 'status', trackingNumber: head.rest, language: language ?? keywords('status').get(keyword) };
  }
  // Opt-out, opt-in and help count only as the whole message, so "Stop the noise at night" is a complaint.
  if (!head.rest) {
    for (const kind of ['help', 'stop', 'start'] as const) {
      if (keywords(kind).has(keyword)) return { kind, language: language ?? keywords(kind).get(keyword) };
    }
  }
  return { kind: 'text', text, language: language ?? languageOfScript(text) };
}

function firstWord(text: string): { word: string; rest: string } | undefined {
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(text);
  return match ? { word: match[1], rest: match[2].trim() } : undefined;
}
