import { randomInt } from 'node:crypto';
import { dammCheckDigit } from '@petitio/platform';

export { dammCheckDigit };

/**
 * Tracking numbers are 11 digits: 10 random digits and a Damm check digit, shown as
 * 4-4-3 groups (e.g. 4827-3915-602). Digits only, so a feature phone keypad can type it
 * and it reads well aloud; random, so it reveals no volume and cannot be guessed; the Damm
 * digit catches every single-digit typo and every swap of adjacent digits before any lookup.
 */
export const TRACKING_NUMBER_LENGTH = 11;

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
