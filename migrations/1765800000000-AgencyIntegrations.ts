import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies' own case systems call Petitio with an agency API key. Each such key acts through an integration
 * account: a staff_users row of status `integration` in the key's agency, so every change it makes goes through
 * the same casework, under the same reach (the agency's subtree), into the same history as a person's would. An
 * integration account never signs in, is never listed among staff, never receives escalation mail and is never
 * picked by automatic assignment (all of which take `active` accounts only).
 *
 * Every call made with a key is kept in api_client_calls: which route, which application, what it answered.
 */
export class AgencyIntegrations1765800000000 implements MigrationInterface {
  name = 'AgencyIntegrations1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_users DROP CONSTRAINT staff_users_status_check;
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_status_check CHECK (status IN ('invited', 'active', 'disabled', 'integration'));
      ALTER TABLE api_clients ADD COLUMN staff_user_id uuid REFERENCES staff_users(id);
      ALTER TABLE api_clients ADD CONSTRAINT api_clients_agency_account CHECK ((kind = 'agency') = (staff_user_id IS NOT NULL));

      CREATE TABLE api_client_calls (
        id bigserial PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES api_clients(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        method text NOT NULL,
        -- The route's pattern (/api/v1/staff/applications/:id/answers), never the query string: it may carry words.
        route text NOT NULL,
        application_id uuid,
        status_code integer NOT NULL
      );
      CREATE INDEX api_client_calls_client_idx ON api_client_calls (client_id, occurred_at DESC);
      CREATE INDEX api_client_calls_application_idx ON api_client_calls (application_id) WHERE application_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE api_client_calls;
      ALTER TABLE api_clients DROP CONSTRAINT api_clients_agency_account;
      ALTER TABLE api_clients DROP COLUMN staff_user_id;
      DELETE FROM staff_users WHERE status = 'integration';
      ALTER TABLE staff_users DROP CONSTRAINT staff_users_status_check;
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_status_check CHECK (status IN ('invited', 'active', 'disabled'));
    `);
  }
}
