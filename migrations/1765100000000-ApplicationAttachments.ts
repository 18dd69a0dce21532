import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files a citizen attaches to an application. The bytes live in the attachment store, named by the row's id;
 * the original name is kept for display only and never used as a path.
 */
export class ApplicationAttachments1765100000000 implements MigrationInterface {
  name = 'ApplicationAttachments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_attachments (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        -- The order the citizen chose the files in.
        position smallint NOT NULL CHECK (position >= 0),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX application_attachments_application_idx ON application_attachments (application_id, position);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE application_attachments');
  }
}
