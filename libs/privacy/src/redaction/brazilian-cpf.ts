import { CountryCode } from 'libphonenumber-js';
import { RedactionFinding } from './redaction-finding';
import { digitsOf, standsAlone } from './digit-run';
import { labelWords, nearestLabelBefore } from './nearest-label';

/** CPF: 9 digits and two mod-11 check digits; the repeated ones (111.111.111-11) pass the arithmetic but are never issued. */
export function isBrazilianCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const d = Array.from(digits, Number);
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += d[i] * (length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return d[9] === check(9) && d[10] === check(10);
}

const CPF_LABEL = { cpf: labelWords('cpf') };

/**
 * "123.456.789-09" anywhere; 11 bare digits only in Brazil or after the word CPF, since elsewhere a bare run that
 * happens to pass is more likely an invoice or subscriber number than a Brazilian's id.
 */
export function findBrazilianCpfs(text: string, defaultCountry: CountryCode): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  for (const match of text.matchAll(/(?<!\d)(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})(?!\d)/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const bare = match[0].length === 11;
    if (bare && defaultCountry !== 'BR' && nearestLabelBefore(text, start, CPF_LABEL) === null) continue;
    if (standsAlone(text, start, end, '.,-/') && isBrazilianCpf(digitsOf(match[0]))) findings.push({ kind: 'national_id', start, end });
  }
  return findings;
}
