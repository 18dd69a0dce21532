import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff read applications pseudonymised; a reveal of the citizen's identity or own words states its reason, kept
 * beside the read in `personal_data_reads` (reads recorded before reveals existed have none). The center's
 * data-protection officer gets a role of their own: the only one that reveals a confidential filing.
 */
export class IdentityReveals1766400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE personal_data_reads ADD COLUMN reason text CHECK (char_length(reason) BETWEEN 1 AND 1000);
      ALTER TABLE staff_users DROP CONSTRAINT staff_users_roles_check;
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_roles_check
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['agent', 'officer', 'supervisor', 'center_admin', 'data_protection']);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const holders: unknown[] = await q.query(`SELECT 1 FROM staff_users WHERE 'data_protection' = ANY(roles) LIMIT 1`);
    if (holders.length) throw new Error('staff hold the data_protection role: take it away before reverting IdentityReveals1766400000000');
    await q.query(`
      ALTER TABLE staff_users DROP CONSTRAINT staff_users_roles_check;
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_roles_check
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['agent', 'officer', 'supervisor', 'center_admin']);
      ALTER TABLE personal_data_reads DROP COLUMN reason;
    `);
  }
}
