import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL's own text-search configurations by language code. A language without one is searched by plain
 * words ('simple'). Kept as written here: the inbox's search (libs/inbox/src/full-text-search.ts) names the same.
 */
const SEARCH_CONFIGS: Record<string, string> = {
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

const DOCUMENT_FUNCTION = (cases: string) => `
  CREATE OR REPLACE FUNCTION application_search_document(subject text, body text, language text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE cfg regconfig;
  BEGIN
    cfg := CASE language ${cases} ELSE 'simple' END;
    RETURN setweight(to_tsvector(cfg, coalesce(subject, '')), 'A') || setweight(to_tsvector(cfg, coalesce(body, '')), 'B')
      || to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body, ''));
  END $$;`;

/**
 * Country packs: which pack a database was set up with, so that a second `seed` with another COUNTRY_PACK is
 * refused instead of mixing two countries' law. A database that already holds a directory or applications was set
 * up with Turkey's law by the migrations before it, so it is recorded as `tr`. Also: stems for every language
 * PostgreSQL has a configuration for, not only Turkish, English and Arabic.
 */
export class CountryPacks1765600000000 implements MigrationInterface {
  name = 'CountryPacks1765600000000';

  async up(q: QueryRunner): Promise<void> {
    const cases = Object.entries(SEARCH_CONFIGS)
      .map(([language, config]) => `WHEN '${language}' THEN '${config}'`)
      .join(' ');
    await q.query(`
      CREATE TABLE country_pack (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        code text NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO country_pack (code)
        SELECT 'tr' WHERE EXISTS (SELECT 1 FROM agencies) OR EXISTS (SELECT 1 FROM applications);
      ${DOCUMENT_FUNCTION(cases)}
      -- Documents in the languages that just gained stems are written again; Turkish, English and Arabic ones are unchanged.
      UPDATE application_search s SET document = application_search_document(a.subject, a.body, a.language)
        FROM applications a WHERE a.id = s.application_id AND s.language NOT IN ('tr', 'en', 'ar');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE country_pack;
      ${DOCUMENT_FUNCTION(`WHEN 'tr' THEN 'turkish' WHEN 'en' THEN 'english' WHEN 'ar' THEN 'arabic'`)}
      UPDATE application_search s SET document = application_search_document(a.subject, a.body, a.language)
        FROM applications a WHERE a.id = s.application_id AND s.language NOT IN ('tr', 'en', 'ar');
    `);
  }
}
