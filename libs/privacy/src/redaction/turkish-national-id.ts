import { RedactionFinding } from './redaction-finding';
import { standsAlone } from './digit-run';

/**
 * T.C. kimlik numarası: 11 digits, the first not 0; the 10th is (7 × the sum of the 1st, 3rd, 5th, 7th and 9th − the sum
 * of the 2nd, 4th, 6th and 8th) mod 10, the 11th the sum of the first ten mod 10.
 */
export function isTurkishNationalId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = Array.from(digits, Number);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d[9] === tenth && d[10] === eleventh;
}

/** Written as one run of digits, as on the identity card and in every e-Devlet form. */
export function findTurkishNationalIds(text: string): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  for (const match of text.matchAll(/(?<!\d)\d{11}(?!\d)/g)) {
    const start = match.index;
    const end = start + 11;
    if (standsAlone(text, start, end, '.,-/') && isTurkishNationalId(match[0])) findings.push({ kind: 'national_id', start, end });
  }
  return findings;
}
