import type { FieldProblem, ProblemWords } from '@petitio/platform';

/** Like the demo's `water-kadikoy`: lower-case letters, digits, hyphens and underscores. */
export const ROUTING_RULE_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;
export const ROUTING_RULE_DESCRIPTION_MAX = 500;
export const ROUTING_RULE_KEYWORDS_MAX = 30;
export const ROUTING_RULE_KEYWORD_MAX = 64;
export const ROUTING_RULE_POSITION_MAX = 100_000;
/** One word as the matcher splits text (letters and digits), optionally ending in `*` to match word beginnings. */
const KEYWORD = /^[\p{L}\p{N}]+\*?$/u;

/** A routing rule as an admin writes it: places, topic, agency by their codes. Empty criteria match anything. */
export interface RoutingRuleDraft {
  code: string;
  /** Breaks ties between equally specific rules: lower goes first. */
  position: number;
  description: string;
  typeCode: string | null;
  topicCode: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  keywords: string[];
  agencyCode: string;
  active: boolean;
}

/**
 * Every rule a routing rule must satisfy before it is saved, one problem per bad field (`keywords.2` for one keyword).
 * Whether the named type, topic, regions and agency exist is checked against the database.
 */
export function routingRuleDraftProblems(d: RoutingRuleDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, code: string, words: ProblemWords = {}) => problems.push({ field, code, ...words });
  if (typeof d.code !== 'string' || !ROUTING_RULE_CODE.test(d.code)) {
    bad('code', 'rule_code_format');
  }
  if (!Number.isInteger(d.position) || d.position < 0 || d.position > ROUTING_RULE_POSITION_MAX) {
    bad('position', 'position_range', { args: { max: ROUTING_RULE_POSITION_MAX } });
  }
  if (typeof d.description !== 'string' || d.description.length > ROUTING_RULE_DESCRIPTION_MAX) {
    bad('description', 'maxLength', { args: { max: ROUTING_RULE_DESCRIPTION_MAX } });
  }
  if (!Array.isArray(d.keywords) || d.keywords.length > ROUTING_RULE_KEYWORDS_MAX) {
    bad('keywords', 'too_many_keywords', { args: { max: ROUTING_RULE_KEYWORDS_MAX } });
  } else {
    const i = d.keywords.findIndex((k) => typeof k !== 'string' || !KEYWORD.test(k) || k.length > ROUTING_RULE_KEYWORD_MAX);
    if (i >= 0) bad('keywords', 'keyword_format');
    else if (new Set(d.keywords.map((k) => k.toLocaleLowerCase('tr'))).size !== d.keywords.length) bad('keywords', 'duplicate_keyword');
  }
  if (!d.agencyCode) bad('agencyCode', 'required');
  if (!d.typeCode && !d.topicCode && !d.provinceCode && !d.districtCode && d.keywords?.length === 0) {
    // A rule without criteria would take every application the more specific rules leave, before any topic default.
    bad('criteria', 'no_criteria');
  }
  if (typeof d.active !== 'boolean') bad('active', 'boolean');
  return problems;
}

/** Keywords as typed into a form: separated by commas, spaces or new lines; blanks left out. */
export function keywordsFromText(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s,;]+/u)
    .map((k) => k.trim())
    .filter(Boolean);
}
