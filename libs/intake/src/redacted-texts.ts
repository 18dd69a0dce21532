import type { CountryCode } from 'libphonenumber-js';
import { OriginalText, redactPersonalData } from '@petitio/privacy';

/** The subject and body as staff read them, and the citizen's own words when redaction changed them. */
export interface RedactedTexts {
  subject: string;
  body: string;
  /** Null when nothing was found: there is no original to keep apart. */
  original: OriginalText | null;
}

/**
 * Identifiers a citizen wrote into their application (ID numbers, phones, emails, IBANs, plates, cards) are replaced
 * by placeholders in what is stored for staff; the original is sealed in the vault for a reveal with a stated reason.
 */
export function redactedTexts(text: OriginalText, defaultCountry: string): RedactedTexts {
  const options = { defaultCountry: defaultCountry as CountryCode };
  const subject = redactPersonalData(text.subject, options);
  const body = redactPersonalData(text.body, options);
  const changed = subject.findings.length > 0 || body.findings.length > 0;
  return { subject: subject.text, body: body.text, original: changed ? { subject: text.subject, body: text.body } : null };
}
