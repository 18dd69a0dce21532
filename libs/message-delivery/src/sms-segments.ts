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

/** Turkish letters outside GSM-7 and the nearest GSM-7 letter; Ç, Ö, Ü, ö, ü are GSM-7 already and stay. */
const TURKISH_TO_GSM: Record<string, string> = { ş: 's', Ş: 'S', ğ: 'g', Ğ: 'G', ı: 'i', İ: 'I', ç: 'c', â: 'a', î: 'i', û: 'u', Â: 'A', Î: 'I', Û: 'U' };
const TURKISH_LETTERS = new RegExp(`[${Object.keys(TURKISH_TO_GSM).join('')}]`, 'g');

/**
 * The text to send as an SMS: when only Turkish letters keep it out of GSM-7 and `transliterate` is
 * allowed, they are written without their marks (ş→s, ı→i …), which citizens read fine and which
 * fits more than twice as much in a message. Anything else (emoji, Arabic) stays as written.
 */
export function fitSmsText(text: string, transliterate: boolean): { text: string } & SmsSegments {
  const asIs = smsSegments(text);
  if (!transliterate || asIs.encoding === 'GSM-7') return { text, ...asIs };
  const plain = text.replace(TURKISH_LETTERS, (letter) => TURKISH_TO_GSM[letter]);
  const fitted = smsSegments(plain);
  return fitted.encoding === 'GSM-7' ? { text: plain, ...fitted } : { text, ...asIs };
}
