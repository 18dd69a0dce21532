import { RedactionFinding } from './redaction-finding';
import { passesMod97 } from './checksums';

// Lengths from the SWIFT IBAN registry (ISO 13616): the length is what tells where a spaced IBAN ends in running text.
const REGISTRY = [
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23',
  'GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18',
  'NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30',
].join(' ');
const IBAN_LENGTHS = new Map(REGISTRY.split(' ').map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]));

/** An IBAN without spaces, upper case: registered country, its length, mod-97 check. */
export function isIban(compact: string): boolean {
  return IBAN_LENGTHS.get(compact.slice(0, 2)) === compact.length && /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) && passesMod97(compact);
}

const isAlphanumeric = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Printed in groups of four ("TR33 0006 1005 1978 6457 8413 26") or run together, in either case. */
export function findIbans(text: string): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  for (const match of text.matchAll(/(?<![A-Za-z0-9])[A-Za-z]{2} ?\d{2}/g)) {
    const start = match.index;
    const length = IBAN_LENGTHS.get(match[0].slice(0, 2).toUpperCase());
    if (length === undefined) continue;
    let compact = '';
    let end = start;
    // Single spaces between characters are how it is printed; anything else ends it.
    while (end < text.length && compact.length < length) {
      const ch = text[end];
      if (isAlphanumeric(ch)) compact += ch;
      else if (!(ch === ' ' && isAlphanumeric(text[end - 1]) && isAlphanumeric(text[end + 1]))) break;
      end++;
    }
    if (isAlphanumeric(text[end])) continue; // longer than its country's IBANs: an account or reference number
    compact = compact.toUpperCase();
    if (isIban(compact)) findings.push({ kind: 'iban', start, end });
  }
  return findings;
}
