import { CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString, PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import { RedactionFinding } from './redaction-finding';
import { standsAlone } from './digit-run';
import { labelWords, nearestLabelBefore } from './nearest-label';

// Numbers of companies and public bodies (444 0 444, 0800 …), which staff need to read and which are no one's personal data.
const NOT_PERSONAL = new Set<PhoneNumberType>(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN']);
// Turkish 0850 numbers are corporate too, though the metadata files them as VOIP.
const TURKISH_CORPORATE = /^\+90850/;

// The matcher reads "," and ";" as a dialling pause before an extension, so "0532 123 45 67, 0533 765 43 21" would be one
// number with the second's area code as extension: they are shown to it as line breaks, which keep every offset.
const PAUSES = /[;,]/g;

// Bare digits that happen to be valid (2125551234) after "abone no" are the subscriber number on a bill, not a phone;
// written as phones are (0212 555 12 34, +90…), they are phones whatever the words before.
const LABELS = {
  phone: labelWords(...'tel cep gsm mobil whatsapp phone call celular fone contato'.split(' ')),
  other: labelWords(
    ...[
      'abone sayaç sayac fatura tesisat sözleşme müşteri sipariş kargo gönderi takip başvuru dosya poliçe sicil seri barkod',
      'referans protokol evrak hesap invoice account meter order customer contract policy parcel tracking reference ticket',
      'serial subscriber pedido protocolo conta contrato cliente',
    ]
      .join(' ')
      .split(' '),
  ),
};

/** Valid numbers for their country (libphonenumber's full metadata), national ones read as `defaultCountry`'s. */
export function findPhoneNumbers(text: string, defaultCountry: CountryCode): RedactionFinding[] {
  if (!hasDigits(text, 7)) return [];
  const findings: RedactionFinding[] = [];
  for (const found of findPhoneNumbersInText(text.replace(PAUSES, '\n'), { defaultCountry })) {
    const { startsAt: start, endsAt: end, number } = found;
    if (!standsAlone(text, start, end) || !isPersonal(number)) continue;
    if (/^[1-9]\d+$/.test(text.slice(start, end)) && nearestLabelBefore(text, start, LABELS, 30) === 'other') continue;
    findings.push({ kind: 'phone', start, end });
  }
  return [...findings, ...phonesTouchingOtherNumbers(text, defaultCountry, findings)];
}

/**
 * The matcher gives up on a number that another touches through a space ("daire 12 0532 412 76 93", two phones in a
 * row). In such runs of digit groups, the longest valid number starting with its trunk 0 or + at a group is taken.
 */
const MOST_GROUPS = 6;

function phonesTouchingOtherNumbers(text: string, defaultCountry: CountryCode, found: RedactionFinding[]): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  // Runs start only where one starts, and a window spans at most 17 digits in 6 groups (+90 532 412 76 93 has 5):
  // linear in the text, however long the run.
  for (const run of text.matchAll(/(?<![\d+])\+?\d+(?: \+?\d+)+/g)) {
    const [runStart, runEnd] = [run.index, run.index + run[0].length];
    if (found.some((f) => f.start < runEnd && runStart < f.end)) continue;
    const groups = Array.from(run[0].matchAll(/\+?\d+/g), (g) => ({ start: runStart + g.index, end: runStart + g.index + g[0].length }));
    for (let first = 0; first < groups.length; first++) {
      if (text[groups[first].start] !== '0' && text[groups[first].start] !== '+') continue;
      const digits = (last: number) => text.slice(groups[first].start, groups[last].end).replace(/\D/g, '').length;
      let widest = first + 1;
      while (widest < groups.length && widest - first < MOST_GROUPS && digits(widest) <= 17) widest++;
      for (let last = widest - 1; last > first && digits(last) >= 7; last--) {
        const [start, end] = [groups[first].start, groups[last].end];
        const written = text.slice(start, end);
        const number = parsePhoneNumberFromString(written, defaultCountry);
        if (!number?.isValid() || !isPersonal(number) || !standsAlone(text, start, end)) continue;
        findings.push({ kind: 'phone', start, end });
        first = last;
        break;
      }
    }
  }
  return findings;
}

function isPersonal(number: PhoneNumber): boolean {
  const type = number.getType();
  return !(type !== undefined && NOT_PERSONAL.has(type)) && !TURKISH_CORPORATE.test(number.number);
}

// The matcher is slow beside a plain scan, and no phone number, country code included, has fewer than 7 digits.
function hasDigits(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length && seen < count; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) seen++;
  return seen >= count;
}
