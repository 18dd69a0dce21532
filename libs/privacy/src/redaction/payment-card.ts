import { RedactionFinding } from './redaction-finding';
import { passesLuhn } from './checksums';
import { standsAlone } from './digit-run';

/** Issuer prefixes (IIN) and lengths of the networks citizens here hold; a Luhn-valid run with none of them is not a card. */
export function hasKnownIssuer(digits: string): boolean {
  const n = digits.length;
  const p = (k: number) => Number(digits.slice(0, k));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa (and Elo's 4… ranges)
  if ((p(2) >= 51 && p(2) <= 55) || (p(4) >= 2221 && p(4) <= 2720)) return n === 16; // Mastercard
  if (p(2) === 34 || p(2) === 37) return n === 15; // American Express
  if (p(4) === 9792) return n === 16; // Troy
  if (p(4) >= 2200 && p(4) <= 2204) return n >= 16; // Mir
  if (p(4) >= 3528 && p(4) <= 3589) return n >= 16; // JCB
  if (p(2) === 36 || p(2) === 38 || p(2) === 39 || (p(3) >= 300 && p(3) <= 305)) return n >= 14; // Diners Club
  if (p(2) === 50 || (p(2) >= 56 && p(2) <= 69)) return n >= 13; // Maestro, Discover, UnionPay, Elo, Hipercard, Troy 65…
  return false;
}

/** How cards are printed: run together, in fours (the last group shorter), or 4-6-5 / 4-6-4 (Amex, Diners). */
function printedLikeACard(groups: string[]): boolean {
  const sizes = groups.map((g) => g.length);
  if (sizes.length === 1) return true;
  if (sizes.slice(0, -1).every((s) => s === 4) && sizes[sizes.length - 1] <= 4) return true;
  return sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4);
}

export function isPaymentCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && hasKnownIssuer(digits) && passesLuhn(digits);
}

/** 13–19 digits, with one kind of separator (space or dash) between groups; the longest card a run starts with wins. */
export function findPaymentCards(text: string): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  for (const run of text.matchAll(/\d+(?:([ -])\d+(?:\1\d+)*)?/g)) {
    const groups = run[0].split(/[ -]/);
    let offset = run.index;
    for (let first = 0; first < groups.length;) {
      let match: { last: number; end: number } | null = null;
      let digits = '';
      for (let last = first, end = offset; last < groups.length && digits.length + groups[last].length <= 19; last++) {
        // Only the last group of a printed card is shorter than 4 (or the 6 of 4-6-5): past any other, no card grows.
        if (last - first >= 2 && groups[last - 1].length !== 4 && !(last - first === 2 && groups[last - 1].length === 6)) break;
        digits += groups[last];
        end += (last > first ? 1 : 0) + groups[last].length;
        if (isPaymentCard(digits) && printedLikeACard(groups.slice(first, last + 1))) match = { last, end };
      }
      if (match && standsAlone(text, offset, match.end)) {
        findings.push({ kind: 'card', start: offset, end: match.end });
        offset = match.end + 1;
        first = match.last + 1;
      } else {
        offset += groups[first].length + 1;
        first++;
      }
    }
  }
  return findings;
}
