import { RedactionFinding } from './redaction-finding';
import { labelWords, nearestLabelBefore } from './nearest-label';

// Turkish plates (Karayolları Trafik Yönetmeliği): province 01–81, then 1 letter and 4–5 digits, 2 letters and 3–4,
// or 3 letters and 2–3; letters of the Turkish alphabet without Ç, Ğ, İ, Ö, Ş, Ü, and no Q, W, X.
const TURKISH = /(?<![\p{L}\p{N}])(?<![\p{L}\p{N}][-/])(0[1-9]|[1-7]\d|8[01])([ -]?)([A-PR-VYZ]{1,3})\2(\d{2,5})(?![\p{L}\p{N}]|[.,:/-]\p{N})/giu;
const DIGITS_FOR_LETTERS: Readonly<Record<number, readonly number[]>> = { 1: [4, 5], 2: [3, 4], 3: [2, 3] };

// Brazilian plates: Mercosul (ABC1D23) and the older ABC-1234, the latter only with its dash or run together.
const BRAZILIAN = /(?<![\p{L}\p{N}])(?<![\p{L}\p{N}][-/])(?:([A-Z]{3})-?\d[A-Z]\d{2}|([A-Z]{3})-?\d{4})(?![\p{L}\p{N}]|[.,:/-]\p{N})/gu;

// Upper-case words that sit before numbers in the same shapes: "80 TL 120", "ISO 9001", "KDV-2026".
const NOT_PLATE_LETTERS = new Set('TL YTL TRY USD EUR GBP BRL KM KG CM MM MT LT GB MB KB TB KW KV HP CC NO TC ISO RFC TSE KDV SGK AVM INV REF NR'.split(' '));
// In lower case ("34 abc 123") the shape is too common in plain words ("10 kat 20") to stand without the word plate.
const PLATE_LABEL = { plate: labelWords('plaka', 'plate', 'placa', 'license', 'licence') };

export function findVehiclePlates(text: string): RedactionFinding[] {
  const findings: RedactionFinding[] = [];
  for (const m of text.matchAll(TURKISH)) {
    const [plate, , , letters, digits] = m;
    if (!DIGITS_FOR_LETTERS[letters.length].includes(digits.length) || NOT_PLATE_LETTERS.has(letters.toUpperCase())) continue;
    if (letters !== letters.toUpperCase() && nearestLabelBefore(text, m.index, PLATE_LABEL, 25) === null) continue;
    findings.push({ kind: 'plate', start: m.index, end: m.index + plate.length });
  }
  for (const m of text.matchAll(BRAZILIAN)) {
    if (NOT_PLATE_LETTERS.has(m[1] ?? m[2])) continue;
    findings.push({ kind: 'plate', start: m.index, end: m.index + m[0].length });
  }
  return findings;
}
