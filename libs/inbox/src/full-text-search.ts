/**
 * Text search over subject and body, matching the document `application_search_document()` builds into
 * `application_search`: plain words ('simple') plus stems in the application's own language. An application is
 * indexed when it leaves `received` (routing, seconds after submission).
 */
export const SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  nb: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/**
 * A SQL condition on the applications row `alias` matching the caller's words (web-search
 * syntax: quotes, `or`, `-`), appending its parameter to `params`. Each of the deployment's `languages`
 * with stems gets an arm guarded by the language, so the GIN index serves every arm.
 */
export function textSearchCondition(text: string, params: unknown[], languages: readonly string[], alias = 'a'): string {
  params.push(text);
  const q = `$${params.length}::text`;
  const s = 'doc';
  const arms = [`${s}.document @@ websearch_to_tsquery('simple', ${q})`];
  for (const language of languages) {
    const config = SEARCH_CONFIGS[language];
    if (config) arms.push(`(${s}.language = '${language}' AND ${s}.document @@ websearch_to_tsquery('${config}', ${q}))`);
  }
  // Snowball's Turkish stemmer over-strips ("kesinti" → "kes", "kesintisi" → "kesintis", "kesintiler" → "kesin"),
  // so stems alone miss inflections. Turkish only adds suffixes, so a typed word is a prefix of its inflected forms:
  // in Turkish applications each word also matches as a prefix of the plain words.
  if (languages.includes('tr'))
    arms.push(
      `(${s}.language = 'tr' AND ${s}.document @@ to_tsquery('simple',
       regexp_replace(websearch_to_tsquery('simple', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')))`,
    );
  return `${alias}.id IN (SELECT ${s}.application_id FROM application_search ${s} WHERE ${arms.join(' OR ')})`;
}
