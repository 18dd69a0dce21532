export { REDACTION_KINDS, REDACTION_PLACEHOLDERS } from './redaction-finding';
export type { RedactionFinding, RedactionKind } from './redaction-finding';
export { findPersonalData, redactPersonalData } from './redact-personal-data';
export type { RedactedText, RedactionOptions } from './redact-personal-data';
