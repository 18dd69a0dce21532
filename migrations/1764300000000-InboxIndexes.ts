import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the staff inbox's keyset pages (see libs/applications/src/inbox/inbox.service.ts). */
export class InboxIndexes1764300000000 implements MigrationInterface {
  name = 'InboxIndexes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- An officer's inbox, newest or oldest first, a page at a time.
      CREATE INDEX applications_agency_created_idx ON applications (assigned_agency_id, created_at, id);
      -- The center's inbox spans every agency.
      CREATE INDEX applications_created_idx ON applications (created_at, id);
      -- A call-center agent sees what they filed.
      CREATE INDEX applications_filed_by_idx ON applications (filed_by_staff_id, created_at) WHERE filed_by_staff_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX applications_filed_by_idx;
      DROP INDEX applications_created_idx;
      DROP INDEX applications_agency_created_idx;
    `);
  }
}
