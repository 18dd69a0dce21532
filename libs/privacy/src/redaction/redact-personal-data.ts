import { CountryCode } from 'libphonenumber-js';
import { findBrazilianCpfs } from './brazilian-cpf';
import { findEmailAddresses } from './email-address';
import { findIbans } from './iban';
import { findPaymentCards } from './payment-card';
import { findPhoneNumbers } from './phone-number';
import { REDACTION_PLACEHOLDERS, RedactionFinding } from './redaction-finding';
import { overlaps, strongestFindings } from './strongest-findings';
import { findTrackingNumbers } from './tracking-number';
import { findTurkishNationalIds } from './turkish-national-id';
import { findVehiclePlates } from './vehicle-plate';

export interface RedactionOptions {
  /** The country national phone numbers are read in (0532 … is Turkish in Türkiye); 'TR' unless told. */
  defaultCountry?: CountryCode;
}

export interface RedactedText {
  text: string;
  /** In text order, with offsets into the original text. */
  findings: RedactionFinding[];
}

/**
 * Finds national ids, phone numbers, emails, IBANs, vehicle plates and payment cards in what a citizen wrote and
 * replaces each with its placeholder ("[PHONE]"). Tracking numbers are never touched, whatever else they look like.
 */
export function redactPersonalData(text: string, options: RedactionOptions = {}): RedactedText {
  const findings = findPersonalData(text, options);
  let redacted = '';
  let from = 0;
  for (const f of findings) {
    redacted += text.slice(from, f.start) + REDACTION_PLACEHOLDERS[f.kind];
    from = f.end;
  }
  return { text: redacted + text.slice(from), findings };
}

/** Every identifier found holds a digit, or an email's @: most complaints have neither and need no finder at all. */
const MAY_HOLD_IDENTIFIER = /[\p{Nd}@\uFF20]/u;

export function findPersonalData(text: string, { defaultCountry = 'TR' }: RedactionOptions = {}): RedactionFinding[] {
  if (!MAY_HOLD_IDENTIFIER.test(text)) return [];
  const trackingNumbers = findTrackingNumbers(text);
  const candidates = [
    ...findEmailAddresses(text),
    ...findIbans(text),
    ...findPaymentCards(text),
    ...findTurkishNationalIds(text),
    ...findBrazilianCpfs(text, defaultCountry),
    ...findPhoneNumbers(text, defaultCountry),
    ...findVehiclePlates(text),
  ].filter((c) => !trackingNumbers.some((t) => overlaps(t, c)));
  return strongestFindings(candidates);
}
