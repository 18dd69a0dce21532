import { MigrationInterface, QueryRunner } from 'typeorm';

const DOCUMENT = (row: string) => `application_search_document(${row}.subject, ${row}.body, ${row}.language)`;

/**
 * Moves the full-text index out of the applications row. In the row, computing the document held up every
 * submission, and every status change (routing, the first deadline, assignment, the answer) wrote a new row
 * version and so every word into the GIN index again. Now an application's document is written once, when it
 * leaves `received` (routing, in the worker), and again only if its text changes.
 */
export class SearchDocuments1765400000000 implements MigrationInterface {
  name = 'SearchDocuments1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Plain words ('simple') plus stems in the application's own language: Turkish stemming for Turkish, and so on.
      CREATE OR REPLACE FUNCTION application_search_document(subject text, body text, language text) RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE cfg regconfig;
      BEGIN
        cfg := CASE language WHEN 'tr' THEN 'turkish' WHEN 'en' THEN 'english' WHEN 'ar' THEN 'arabic' ELSE 'simple' END;
        RETURN setweight(to_tsvector(cfg, coalesce(subject, '')), 'A') || setweight(to_tsvector(cfg, coalesce(body, '')), 'B')
          || to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body, ''));
      END $$;

      CREATE TABLE application_search (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        language text NOT NULL,
        document tsvector NOT NULL
      );
      INSERT INTO application_search (application_id, language, document)
        SELECT id, language, coalesce(search_vector, ${DOCUMENT('applications')}) FROM applications;
      CREATE INDEX application_search_document_idx ON application_search USING gin (document);

      CREATE FUNCTION applications_index_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO application_search (application_id, language, document)
          VALUES (NEW.id, NEW.language, ${DOCUMENT('NEW')})
          ON CONFLICT (application_id) DO UPDATE SET language = EXCLUDED.language, document = EXCLUDED.document;
        RETURN NULL;
      END $$;
      -- A submission arrives as 'received' and is indexed when it leaves that status; a row stored in another status
      -- (an import, the demo) at once; edited text again.
      CREATE TRIGGER applications_index_text_on_insert AFTER INSERT ON applications
        FOR EACH ROW WHEN (NEW.status <> 'received') EXECUTE FUNCTION applications_index_text();
      CREATE TRIGGER applications_index_text_on_leaving_received AFTER UPDATE OF status ON applications
        FOR EACH ROW WHEN (OLD.status = 'received' AND NEW.status <> 'received') EXECUTE FUNCTION applications_index_text();
      CREATE TRIGGER applications_index_text_on_edit AFTER UPDATE OF subject, body, language ON applications
        FOR EACH ROW WHEN (OLD.subject IS DISTINCT FROM NEW.subject OR OLD.body IS DISTINCT FROM NEW.body OR OLD.language IS DISTINCT FROM NEW.language)
        EXECUTE FUNCTION applications_index_text();

      DROP TRIGGER applications_search_vector ON applications;
      DROP FUNCTION applications_search_vector();
      DROP INDEX applications_search_idx;
      ALTER TABLE applications DROP COLUMN search_vector;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER applications_index_text_on_insert ON applications;
      DROP TRIGGER applications_index_text_on_leaving_received ON applications;
      DROP TRIGGER applications_index_text_on_edit ON applications;
      DROP FUNCTION applications_index_text();
      ALTER TABLE applications ADD COLUMN search_vector tsvector;
      UPDATE applications a SET search_vector = s.document FROM application_search s WHERE s.application_id = a.id;
      UPDATE applications SET search_vector = ${DOCUMENT('applications')} WHERE search_vector IS NULL;
      CREATE INDEX applications_search_idx ON applications USING gin (search_vector);
      DROP TABLE application_search;
      -- The restored trigger keeps calling application_search_document(), so the function stays (up() replaces it).
      CREATE FUNCTION applications_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := ${DOCUMENT('NEW')};
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_search_vector BEFORE INSERT OR UPDATE OF subject, body, language ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_search_vector();
    `);
  }
}
