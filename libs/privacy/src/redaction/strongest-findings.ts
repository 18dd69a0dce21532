import { RedactionFinding, RedactionKind } from './redaction-finding';

// Checksummed and structural kinds are near certain; a phone is only "valid for its country", a plate only a shape.
const STRENGTH: Readonly<Record<RedactionKind, number>> = { email: 3, iban: 3, card: 3, national_id: 3, phone: 2, plate: 1 };

/** Where findings overlap, the stronger kind wins, then the longer span; the result is in text order. */
export function strongestFindings(candidates: RedactionFinding[]): RedactionFinding[] {
  const ranked = [...candidates].sort((a, b) => STRENGTH[b.kind] - STRENGTH[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RedactionFinding[] = [];
  for (const candidate of ranked) {
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
