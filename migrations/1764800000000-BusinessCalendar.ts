import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ad-hoc closures of the business calendar (a disaster, an extra administrative leave day by decree). */
export class BusinessCalendar1764800000000 implements MigrationInterface {
  name = 'BusinessCalendar1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        -- NULL closes the whole deployment; a code closes only calendars of that region.
        region_code text,
        created_by uuid NOT NULL REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_closures_ends_after_starts CHECK (ends_at > starts_at)
      );
      -- Calendars load the closures still ahead or recent; old ones stay for the record.
      CREATE INDEX calendar_closures_ends_at_idx ON calendar_closures (ends_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_closures');
  }
}
