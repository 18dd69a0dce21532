import { dammCheckDigit } from '@petitio/platform';

/** Luhn (ISO/IEC 7812): the check digit of payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 7064 mod 97-10 over an IBAN moved and turned into digits (A = 10 … Z = 35), piece by piece so no big integers. */
export function passesMod97(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const value = parseInt(ch, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

/** Damm, as tracking numbers carry it: a whole valid number folds to 0. */
export function passesDamm(digits: string): boolean {
  return dammCheckDigit(digits) === 0;
}
