import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins counted per account and client address, so that wrong passwords from one place lock the
 * account for that place only. The address is stored as an HMAC, never in clear.
 */
export class SignInFailures1765500000000 implements MigrationInterface {
  name = 'SignInFailures1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_sign_in_failures (
        user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
        client_hash bytea NOT NULL,
        failures integer NOT NULL,
        last_failed_at timestamptz NOT NULL,
        locked_until timestamptz,
        PRIMARY KEY (user_id, client_hash)
      );
      -- The users page asks, for each user, whether some client is locked out now.
      CREATE INDEX staff_sign_in_failures_locked_idx ON staff_sign_in_failures (user_id, locked_until) WHERE locked_until IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staff_sign_in_failures');
  }
}
