import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the SLA dashboard reads that no earlier index covers. */
export class DashboardIndexes1765200000000 implements MigrationInterface {
  name = 'DashboardIndexes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The dashboard's trend counts answers on the day they were given, whenever the application came in:
      -- a range on answered_at, which no index covered (answered_at was only ever read per application).
      CREATE INDEX applications_answered_idx ON applications (answered_at) WHERE answered_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX applications_answered_idx');
  }
}
