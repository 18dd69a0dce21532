import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises what a citizen typed to E.164 (+905321234567), reading national numbers
 * in the deployment's country. Returns null when it is not a valid number there.
 */
export function toE164(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** Last three digits only, for logs and staff lists where the whole number is not needed. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)}******${e164.slice(-3)}`;
}
