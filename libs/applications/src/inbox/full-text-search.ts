/**
 * Text search over subject and body, matching the tsvector the `applications_search_vector`
 * trigger builds: plain words ('simple') plus stems in the application's own language.
 */
const LANGUAGE_CONFIGS: Record<string, string> = { tr: 'turkish', en: 'english', ar: 'arabic' };

/**
 * A SQL condition on the applications row `alias` matching the caller's words (web-search
 * syntax: quotes, `or`, `-`), appending its parameter to `params`. Each language arm is
 * guarded by the language so the GIN index serves every arm.
 */
export function textSearchCondition(text: string, params: unknown[], alias = 'a'): string {
  params.push(text);
  const q = `$${params.length}::text`;
  const arms = [`${alias}.search_vector @@ websearch_to_tsquery('simple', ${q})`];
  for (const [language, config] of Object.entries(LANGUAGE_CONFIGS)) {
    arms.push(`(${alias}.language = '${language}' AND ${alias}.search_vector @@ websearch_to_tsquery('${config}', ${q}))`);
  }
  // Snowball's Turkish stemmer over-strips ("kesinti" → "kes", "kesintisi" → "kesintis", "kesintiler" → "kesin"),
  // so stems alone miss inflections. Turkish only adds suffixes, so a typed word is a prefix of its inflected forms:
  // in Turkish applications each word also matches as a prefix of the plain words.
  arms.push(
    `(${alias}.language = 'tr' AND ${alias}.search_vector @@ to_tsquery('simple',
       regexp_replace(websearch_to_tsquery('simple', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')))`,
  );
  return `(${arms.join(' OR ')})`;
}
