/**
 * How many SMS segments a text costs. A text that fits the GSM 03.38 alphabet goes as 7-bit septets:
 * 160 in one message, 153 per part once it is split (the rest carries the part header). Any other
 * character turns the whole text into UCS-2: 70 UTF-16 units in one message, 67 per part.
 *
 * Turkish costs: of its own letters only Ç (capital), Ö, Ü, ö, ü are in the GSM-7 basic set; ç, ş, Ş,
 * ğ, Ğ, ı and İ are not, so one of them alone halves what fits in a message.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 units for UCS-2 (surrogate pairs count 2). */
  characters: number;
}

/** GSM 03.38 basic character set, without the escape to the extension table. */
const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
/** The extension table: each is sent as escape + character, two septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;

export function smsSegments(text: string): SmsSegments {
  const chars = Array.from(text); // by code point, so a surrogate pair is one character of two units
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c))) {
    const sizes = chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1));
    return { encoding: 'GSM-7', ...pack(sizes, GSM_SINGLE, GSM_PART) };
  }
  // A character is never split across parts: an escape pair or a surrogate pair moves whole to the next part.
  return {
    encoding: 'UCS-2',
    ...pack(
      chars.map((c) => c.length),
      UCS2_SINGLE,
      UCS2_PART,
    ),
  };
}

function pack(sizes: number[], single: number, part: number): { segments: number; characters: number } {
  const characters = sizes.reduce((sum, size) => sum + size, 0);
  if (characters <= single) return { segments: 1, characters };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { segments, characters };
}

/** Whether a text goes as GSM-7 septets, every character in the basic set or its extension. */
export function isGsm7(text: string): boolean {
  return Array.from(text).every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
}

/**
 * The text to send as an SMS: when only letters its language lets be written without marks keep it out of
 * GSM-7 (`withoutMarks`, from the language's sms catalog: ş→s, ı→i in Turkish, ã→a, ç→c in Portuguese), they
 * are, which citizens read fine and which fits more than twice as much in a message. Anything else (emoji,
 * Arabic, a letter the language keeps) stays as written.
 */
export function fitSmsText(text: string, withoutMarks: Readonly<Record<string, string>>): { text: string } & SmsSegments {
  const asIs = smsSegments(text);
  if (asIs.encoding === 'GSM-7') return { text, ...asIs };
  const plain = Array.from(text, (c) => withoutMarks[c] ?? c).join('');
  const fitted = smsSegments(plain);
  return fitted.encoding === 'GSM-7' ? { text: plain, ...fitted } : { text, ...asIs };
}
