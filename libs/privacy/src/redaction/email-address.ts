import { RedactionFinding } from './redaction-finding';

// RFC 5322's dot-atom, widened to letters of any script (RFC 6531: ayşe.çelik@örnek.com.tr), and an internet domain
// of labels and a letters-only top level. Quoted local parts and address literals are left out: no citizen writes them.
// An apostrophe may sit inside (o'brien@…) but not open it, so a quoted address ('ali@…') starts after the quote.
const LOCAL = String.raw`[\p{L}\p{N}!#$%&*+/=?^_\x60{|}~-][\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]*(?:\.[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}.!#$%&*+/=?^_\x60{|}~-])${LOCAL}@(?:${LABEL}\.)+\p{L}{2,63}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`, 'gu');

export function findEmailAddresses(text: string): RedactionFinding[] {
  if (!text.includes('@')) return [];
  return Array.from(text.matchAll(EMAIL), (m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length }));
}
