import { randomInt } from 'node:crypto';

/**
 * Tracking numbers are 11 digits: 10 random digits and a Damm check digit, shown as
 * 4-4-3 groups (e.g. 4827-3915-602). Digits only, so a feature phone keypad can type it
 * and it reads well aloud; random, so it reveals no volume and cannot be guessed; the Damm
 * digit catches every single-digit typo and every swap of adjacent digits before any lookup.
 */
const DAMM_TABLE = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const TRACKING_NUMBER_LENGTH = 11;

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM_TABLE[interim][ch.charCodeAt(0) - 48];
  return interim;
}

export function generateTrackingNumber(): string {
  let body = '';
  for (let i = 0; i < TRACKING_NUMBER_LENGTH - 1; i++) body += String(randomInt(10));
  return body + String(dammCheckDigit(body));
}

export type TrackingNumberCheck = { ok: true; value: string } | { ok: false; reason: 'format' | 'check_digit' };

/** Accepts what people type (spaces, dashes, dots) and says whether it can be a tracking number. */
export function parseTrackingNumber(input: string): TrackingNumberCheck {
  const digits = input.replace(/[\s.\-–]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== TRACKING_NUMBER_LENGTH) return { ok: false, reason: 'format' };
  return dammCheckDigit(digits) === 0 ? { ok: true, value: digits } : { ok: false, reason: 'check_digit' };
}

export function formatTrackingNumber(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 8)}-${value.slice(8)}`;
}
