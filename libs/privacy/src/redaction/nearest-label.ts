/**
 * Which of the named labels ends closest before `index` ("TC kimlik no 1…", "abone no 2…"), within `window`
 * characters; null when none does. How a run of digits reads depends on the words citizens put before it.
 * Patterns must be global (as `labelWords` makes them).
 */
export function nearestLabelBefore<Name extends string>(text: string, index: number, labels: Readonly<Record<Name, RegExp>>, window = 40): Name | null {
  const before = text.slice(Math.max(0, index - window), index);
  let nearest: Name | null = null;
  let nearestEnd = -1;
  for (const name of Object.keys(labels) as Name[]) {
    for (const match of before.matchAll(labels[name])) {
      const end = match.index + match[0].length;
      if (end > nearestEnd) [nearest, nearestEnd] = [name, end];
    }
  }
  return nearest;
}

/** Words starting a word, case-insensitive, where an i also matches İ, I and ı: `/i` does not fold the Turkish i's. */
export function labelWords(...words: string[]): RegExp {
  const alternatives = words.map((w) => w.replace(/[iı]/g, '[iıİI]'));
  return new RegExp(`(?<!\\p{L})(?:${alternatives.join('|')})`, 'giu');
}
