import { passesDamm } from './checksums';
import { digitsOf, standsAlone } from './digit-run';
import { labelWords, nearestLabelBefore } from './nearest-label';

export interface TextSpan {
  start: number;
  end: number;
}

const LABELS = {
  tracking: labelWords(
    ...'takip başvuru basvuru dilekçe şikayet şikâyet talep tracking application reference case petition complaint protocolo solicitação'.split(' '),
  ),
  identity: labelWords('tc', 't\\.c\\.', 'tckn', 'kimlik', 'vatandaşlık', 'identity', 'id(?!\\p{L})', 'cpf'),
};
// Turkish puts the label after the number: "48273915602 numaralı başvurum".
const TRACKING_AFTER = /^['’]?\s*(?:numaral[ıi]|nolu|no['’]?lu)\s+(?:başvuru|dilekçe|şik[aâ]yet|talep)/iu;

/**
 * Petitio tracking numbers (11 digits, Damm-checked, shown 4827-3915-602), which must stay readable in a redacted text.
 * Grouped 4-4-3 they are unmistakable. Run together they look like a national id, and one in a hundred passes its check
 * too: those count as tracking numbers only when the nearest label says so, since a leaked id is the worse mistake.
 */
export function findTrackingNumbers(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const m of text.matchAll(/(?<!\d)\d{4}([ .\-–]?)\d{4}\1\d{3}(?!\d)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const separator = m[1];
    if (!passesDamm(digitsOf(m[0]))) continue;
    if (separator === '' ? readsAsTrackingNumber(text, start, end) : standsAlone(text, start, end, separator)) spans.push({ start, end });
  }
  return spans;
}

function readsAsTrackingNumber(text: string, start: number, end: number): boolean {
  const label = nearestLabelBefore(text, start, LABELS);
  return label === 'tracking' || (label === null && TRACKING_AFTER.test(text.slice(end, end + 30)));
}
