/** The kinds of personal identifier found in free text, each replaced by its own placeholder. */
export type RedactionKind = 'national_id' | 'phone' | 'email' | 'iban' | 'plate' | 'card';

export const REDACTION_KINDS: readonly RedactionKind[] = ['national_id', 'phone', 'email', 'iban', 'plate', 'card'];

/** A span of the original text, `start` inclusive and `end` exclusive, as `String.prototype.slice` takes them. */
export interface RedactionFinding {
  kind: RedactionKind;
  start: number;
  end: number;
}

/** Language-neutral, so a redacted text reads the same to staff in every locale and to the translation step. */
export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  national_id: '[ID]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  iban: '[IBAN]',
  plate: '[PLATE]',
  card: '[CARD]',
};
