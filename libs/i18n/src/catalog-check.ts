import type { CatalogJson } from './catalog-files';
import { integerPluralForms, messageArguments, MessageArgument } from './message-arguments';

/**
 * What is wrong with a translation against the source catalog: keys missing or extra, ICU syntax the parser
 * refuses, arguments other than the source's, and plurals lacking a form the language's numbers need.
 * Each problem names its key, so a translator can find it.
 */
export function catalogProblems(language: string, source: CatalogJson, translation: CatalogJson): string[] {
  const problems: string[] = [];
  const sourceLeaves = leaves(source);
  const translatedLeaves = leaves(translation);
  const forms = integerPluralForms(language);
  for (const [key, text] of sourceLeaves) {
    const translated = translatedLeaves.get(key);
    if (translated === undefined) {
      problems.push(`${key}: missing`);
      continue;
    }
    const expected = argumentsOrProblem(text, key, problems, 'source');
    const found = argumentsOrProblem(translated, key, problems, language);
    if (expected && found) problems.push(...argumentProblems(key, expected, found, forms));
  }
  for (const key of translatedLeaves.keys()) if (!sourceLeaves.has(key)) problems.push(`${key}: not in the source catalog`);
  return problems;
}

function argumentsOrProblem(text: string, key: string, problems: string[], whose: string) {
  try {
    return messageArguments(text);
  } catch (error) {
    problems.push(`${key}: invalid ICU message in ${whose} (${(error as Error).message})`);
    return undefined;
  }
}

const NUMERIC = new Set(['number', 'plural']);

function argumentProblems(key: string, expected: Map<string, MessageArgument>, found: Map<string, MessageArgument>, forms: string[]): string[] {
  const problems: string[] = [];
  const want = [...expected.keys()].sort().join(', ');
  const have = [...found.keys()].sort().join(', ');
  if (want !== have) problems.push(`${key}: takes {${have}} but the source takes {${want}}`);
  for (const [name, argument] of found) {
    const source = expected.get(name);
    if (!source) continue;
    // A translation may say a number plainly (Turkish needs no plural) but not count what the source does not.
    if (NUMERIC.has(argument.kind) && !NUMERIC.has(source.kind)) problems.push(`${key}: {${name}} is ${argument.kind} here but ${source.kind} in the source`);
    if ((argument.kind === 'date' || argument.kind === 'time') && source.kind !== argument.kind)
      problems.push(`${key}: {${name}} is ${argument.kind} here but ${source.kind} in the source`);
    if (argument.kind === 'plural') {
      for (const offered of argument.forms) {
        const lacking = forms.filter((form) => !offered.includes(form));
        if (lacking.length) problems.push(`${key}: the plural of {${name}} lacks ${lacking.join(', ')}`);
      }
    }
  }
  return problems;
}

/** Every message of a catalog by its dotted key (`apply.title`, `privacy.sections.0.text`). */
export function leaves(catalog: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof catalog === 'string') into.set(prefix, catalog);
  else if (catalog !== null && typeof catalog === 'object') {
    for (const [key, value] of Object.entries(catalog)) leaves(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}
