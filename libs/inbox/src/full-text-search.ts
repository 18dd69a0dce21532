/**
 * Text search over subject and body, matching the document `application_search_document()` builds into
 * `application_search`: plain words ('simple') plus stems in the application's own language. An application is
 * indexed when it leaves `received` (routing, seconds after submission).
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
  const s = 'doc';
  const arms = [`${s}.document @@ websearch_to_tsquery('simple', ${q})`];
  for (const [language, config] of Object.entries(LANGUAGE_CONFIGS)) {
    arms.push(`(${s}.language = '${language}' AND ${s}.document @@ websearch_to_tsquery('${config}', ${q}))`);
  }
  // Snowball's Turkish stemmer over-strips ("kesinti" → "kes", "kesintisi" → "kesintis", "kesintiler" → "kesin"),
  // so stems alone miss inflections. Turkish only adds suffixes, so a typed word is a prefix of its inflected forms:
  // in Turkish applications each word also matches as a prefix of the plain words.
  arms.push(
    `(${s}.language = 'tr' AND ${s}.document @@ to_tsquery('simple',
       regexp_replace(websearch_to_tsquery('simple', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')))`,
  );
  return `${alias}.id IN (SELECT ${s}.application_id FROM application_search ${s} WHERE ${arms.join(' OR ')})`;
}
