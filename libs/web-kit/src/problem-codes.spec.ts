import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { catalogs } from '@petitio/i18n';

const ROOT = join(__dirname, '../../..');

/** The problem codes, field codes and sentence keys a source file raises errors with, by line. */
function raisedCodes(source: string): { kind: 'problem' | 'field' | 'sentence'; key: string; line: number }[] {
  const found: { kind: 'problem' | 'field' | 'sentence'; key: string; line: number }[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const m of source.matchAll(/new \w*Error\(\s*'([A-Z][A-Z0-9_]+)'/g)) found.push({ kind: 'problem', key: m[1], line: lineOf(m.index!) });
  for (const m of source.matchAll(/sentence: '([A-Za-z_:]+)'/g)) found.push({ kind: 'sentence', key: m[1], line: lineOf(m.index!) });
  for (const m of source.matchAll(/\bcode: '([a-z][a-z0-9_]*)'/g)) found.push({ kind: 'field', key: m[1], line: lineOf(m.index!) });
  return found;
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the codes errors are raised with', () => {
  const { problems, fields } = catalogs.texts('api', 'en') as unknown as { problems: Record<string, unknown>; fields: Record<string, unknown> };
  const known = (kind: string, key: string) => (kind === 'problem' ? key in problems : kind === 'field' ? key in fields : key in problems || key in fields);

  it('each have their sentence in api.json, so no answer falls back to the generic one by a typo', () => {
    const missing = [...productFiles(join(ROOT, 'libs')), ...productFiles(join(ROOT, 'apps'))].flatMap((path) =>
      raisedCodes(readFileSync(path, 'utf8'))
        .filter(({ kind, key }) => !known(kind, key))
        .map(({ kind, key, line }) => `${relative(ROOT, path)}:${line}: ${kind} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('are found where they are raised', () => {
    const source = [
      "throw new NotFoundError('APPLICATION_NOT_FOUNDD');",
      "problems.push({ field, code: 'unknown_langauge', args: { allowed } });",
      "throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_yuo' });",
    ].join('\n');
    expect(raisedCodes(source).filter(({ kind, key }) => !known(kind, key))).toEqual([
      { kind: 'problem', key: 'APPLICATION_NOT_FOUNDD', line: 1 },
      { kind: 'sentence', key: 'ALREADY_ASSIGNED:to_yuo', line: 3 },
      { kind: 'field', key: 'unknown_langauge', line: 2 },
    ]);
  });
});
