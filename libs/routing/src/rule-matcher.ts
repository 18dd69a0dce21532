import type { RoutingRule } from './routing-rule.entity';

export type RuleCriteria = Pick<RoutingRule, 'id' | 'position' | 'typeCode' | 'topicId' | 'provinceCode' | 'districtCode' | 'keywords' | 'agencyId'>;

export interface RoutableApplication {
  type: string;
  topicId: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  subject: string;
  body: string;
  language: string;
}

/**
 * How narrow a rule is. A district narrows more than a province, so it counts double;
 * the most specific matching rule wins, and `position` breaks ties.
 */
export function specificity(rule: RuleCriteria): number {
  return (
    (rule.typeCode ? 1 : 0) +
    (rule.topicId ? 1 : 0) +
    (rule.provinceCode ? 1 : 0) +
    (rule.districtCode ? 2 : 0) +
    (rule.keywords && rule.keywords.length ? 1 : 0)
  );
}

/** Sorts rules into the order they are tried: most specific first, then by position. */
export function orderRules<T extends RuleCriteria>(rules: T[]): T[] {
  return [...rules].sort((a, b) => specificity(b) - specificity(a) || a.position - b.position || a.id.localeCompare(b.id));
}

export function matches(rule: RuleCriteria, app: RoutableApplication, words?: Set<string>): boolean {
  if (rule.typeCode && rule.typeCode !== app.type) return false;
  if (rule.topicId && rule.topicId !== app.topicId) return false;
  if (rule.provinceCode && rule.provinceCode !== app.provinceCode) return false;
  if (rule.districtCode && rule.districtCode !== app.districtCode) return false;
  if (rule.keywords && rule.keywords.length) {
    const text = words ?? wordsOf(app);
    return rule.keywords.some((k) => keywordMatches(normalise(k, app.language), text));
  }
  return true;
}

/** The first matching rule of rules already in order, or undefined. */
export function firstMatch<T extends RuleCriteria>(ordered: T[], app: RoutableApplication): T | undefined {
  const words = wordsOf(app);
  return ordered.find((rule) => matches(rule, app, words));
}

function keywordMatches(keyword: string, words: Set<string>): boolean {
  if (keyword.endsWith('*')) {
    const prefix = keyword.slice(0, -1);
    for (const w of words) if (w.startsWith(prefix)) return true;
    return false;
  }
  return words.has(keyword);
}

export function wordsOf(app: Pick<RoutableApplication, 'subject' | 'body' | 'language'>): Set<string> {
  const text = normalise(`${app.subject} ${app.body}`, app.language);
  return new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Lower-cases by the application's language rules (Turkish dotted/dotless i) in composed form. */
function normalise(text: string, language: string): string {
  try {
    return text.normalize('NFC').toLocaleLowerCase(language);
  } catch {
    return text.normalize('NFC').toLowerCase();
  }
}
