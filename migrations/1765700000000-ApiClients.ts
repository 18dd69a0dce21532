import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Systems that call Petitio with an API key: Open311 clients (city apps, reporting sites) and, later, agencies'
 * case systems. Only a SHA-256 of each key is kept (keys are 256 random bits, so a fast hash is safe); the key
 * itself is shown once, when it is issued. Open311 lists the applications its clients filed (channel `api`).
 */
export class ApiClients1765700000000 implements MigrationInterface {
  name = 'ApiClients1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('open311', 'agency')),
        agency_id uuid REFERENCES agencies(id),
        key_hash bytea NOT NULL CONSTRAINT api_clients_key_hash_key UNIQUE,
        -- The key's last characters, so an admin can tell keys apart without seeing them.
        key_hint text NOT NULL,
        created_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_clients_agency_kind CHECK ((kind = 'agency') = (agency_id IS NOT NULL))
      );
      CREATE INDEX applications_api_created_idx ON applications (created_at) WHERE channel = 'api';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX applications_api_created_idx; DROP TABLE api_clients;');
  }
}
