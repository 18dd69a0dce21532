import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('received', 'routed', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')`;

/**
 * Columns shared by the daily and the monthly rollup. Rows form a cube: `dims` says which of agency (1), type (2),
 * topic (4) and channel (8) the row is split by, the others being summed over (null). A view reads the rows split by
 * exactly what it filters or groups on: a center admin's totals read one row per period, not one per combination.
 */
const ROLLUP_COLUMNS = `
        dims smallint NOT NULL CHECK (dims BETWEEN 0 AND 15),
        agency_id uuid,
        type_code text,
        topic_id uuid,
        channel text,
        -- The period's cohort: applications received in it, as they stand now.
        received integer NOT NULL,
        answered integer NOT NULL,
        answered_within integer NOT NULL,
        -- Within, where only clocks whose terms make lateness public count as late (public statistics).
        answered_within_public integer NOT NULL,
        -- Histograms of seconds from receipt, bucketed by DashboardDurations' bounds.
        answer_histogram integer[] NOT NULL,
        first_response_histogram integer[] NOT NULL,
        transfers integer NOT NULL,
        transferred_twice integer NOT NULL,
        -- Ratings per star, index 1 is one star.
        ratings integer[] NOT NULL,
        -- Applications answered in the period, whenever they came in (the trend's second line).
        answered_in_period integer NOT NULL`;

/**
 * Rollups for the SLA dashboard and the public statistics, so that a view reads a few thousand rollup rows instead
 * of a million applications and their clocks:
 * - `applications.next_deadline_at`, the earliest running, unpaused deadline, kept by a trigger on sla_clocks: the
 *   headline's breached / at risk / due today and the inbox's deadline filters read it instead of a clock per row.
 * - `dashboard_changes`, a log of instants whose local day must be recomputed, written by triggers when an
 *   application or a clock changes in a way the figures see. Appending never contends; the worker drains it.
 * - `dashboard_daily` and `dashboard_monthly`, recomputed per day (and the day's month) from the live tables.
 * New applications are not logged (intake stays one insert lighter): the refresher always recomputes today and
 * yesterday. A row inserted with an older `created_at` must log it (bulk loaders do).
 */
export class DashboardRollups1765300000000 implements MigrationInterface {
  name = 'DashboardRollups1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications ADD COLUMN next_deadline_at timestamptz;

      CREATE FUNCTION applications_set_next_deadline(app uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE applications a SET next_deadline_at = x.deadline
        FROM (SELECT min(c.deadline_at) AS deadline FROM sla_clocks c
              WHERE c.application_id = app AND c.stopped_at IS NULL AND c.paused_at IS NULL) x
        WHERE a.id = app AND a.next_deadline_at IS DISTINCT FROM x.deadline
      $$;

      CREATE TABLE dashboard_changes (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL
      );

      CREATE FUNCTION sla_clocks_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        app uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.application_id ELSE NEW.application_id END;
      BEGIN
        PERFORM applications_set_next_deadline(app);
        -- A stop, a breach, a moved deadline or new terms change first-response times and late answers.
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.stopped_at IS DISTINCT FROM NEW.stopped_at
            OR OLD.breached_at IS DISTINCT FROM NEW.breached_at OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at
            OR OLD.terms IS DISTINCT FROM NEW.terms)) THEN
          INSERT INTO dashboard_changes (at) SELECT a.created_at FROM applications a WHERE a.id = app;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER sla_clocks_after_insert_or_delete AFTER INSERT OR DELETE ON sla_clocks
        FOR EACH ROW EXECUTE FUNCTION sla_clocks_after_change();
      CREATE TRIGGER sla_clocks_after_update AFTER UPDATE OF deadline_at, stopped_at, paused_at, breached_at, terms ON sla_clocks
        FOR EACH ROW WHEN (OLD.deadline_at IS DISTINCT FROM NEW.deadline_at OR OLD.stopped_at IS DISTINCT FROM NEW.stopped_at
          OR OLD.paused_at IS DISTINCT FROM NEW.paused_at OR OLD.breached_at IS DISTINCT FROM NEW.breached_at OR OLD.terms IS DISTINCT FROM NEW.terms)
        EXECUTE FUNCTION sla_clocks_after_change();

      CREATE FUNCTION applications_log_dashboard_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dashboard_changes (at)
          SELECT DISTINCT x FROM unnest(ARRAY[NEW.created_at, OLD.created_at, NEW.answered_at, OLD.answered_at]) AS x WHERE x IS NOT NULL;
        RETURN NULL;
      END $$;
      CREATE TRIGGER applications_dashboard_change
        AFTER UPDATE OF created_at, assigned_agency_id, type_code, topic_id, channel, answered_at, rating, transfer_count ON applications
        FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.assigned_agency_id IS DISTINCT FROM NEW.assigned_agency_id
          OR OLD.type_code IS DISTINCT FROM NEW.type_code OR OLD.topic_id IS DISTINCT FROM NEW.topic_id OR OLD.channel IS DISTINCT FROM NEW.channel
          OR OLD.answered_at IS DISTINCT FROM NEW.answered_at OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.transfer_count IS DISTINCT FROM NEW.transfer_count)
        EXECUTE FUNCTION applications_log_dashboard_change();

      CREATE TABLE dashboard_daily (day date NOT NULL, ${ROLLUP_COLUMNS});
      CREATE UNIQUE INDEX dashboard_daily_key ON dashboard_daily (dims, day, agency_id, type_code, topic_id, channel) NULLS NOT DISTINCT;
      CREATE INDEX dashboard_daily_day_idx ON dashboard_daily (day);
      CREATE TABLE dashboard_monthly (month date NOT NULL CHECK (extract(day FROM month) = 1), ${ROLLUP_COLUMNS});
      CREATE UNIQUE INDEX dashboard_monthly_key ON dashboard_monthly (dims, month, agency_id, type_code, topic_id, channel) NULLS NOT DISTINCT;
      -- Element-wise sum of two histograms: months are kept up to date by adding a day's rows and taking its old ones away.
      CREATE FUNCTION int_array_add(a integer[], b integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_agg(COALESCE(x, 0) + COALESCE(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
      $$;
      -- The time zone the rollups' days were cut in (a deployment that changes CALENDAR_TIME_ZONE gets them recut),
      -- and the start of the last refresh: every change committed before it is in the rollups, unless still logged.
      CREATE TABLE dashboard_rollup_state (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), time_zone text NOT NULL,
        refreshed_at timestamptz);

      -- Open applications with what the headline and the aging buckets filter on, for index-only counts.
      CREATE INDEX applications_open_deadline_idx ON applications (next_deadline_at)
        INCLUDE (created_at, assigned_agency_id, type_code, topic_id, channel) WHERE status IN ${OPEN};

      UPDATE applications a SET next_deadline_at = x.deadline
      FROM (SELECT c.application_id, min(c.deadline_at) AS deadline FROM sla_clocks c
            WHERE c.stopped_at IS NULL AND c.paused_at IS NULL GROUP BY c.application_id) x
      WHERE a.id = x.application_id;
    `);
    // The rollups' first refresh (no dashboard_rollup_state yet) logs every hour anything happened and builds them.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE dashboard_rollup_state, dashboard_monthly, dashboard_daily;
      DROP FUNCTION int_array_add(integer[], integer[]);
      DROP TRIGGER applications_dashboard_change ON applications;
      DROP FUNCTION applications_log_dashboard_change();
      DROP TRIGGER sla_clocks_after_update ON sla_clocks;
      DROP TRIGGER sla_clocks_after_insert_or_delete ON sla_clocks;
      DROP FUNCTION sla_clocks_after_change();
      DROP TABLE dashboard_changes;
      DROP FUNCTION applications_set_next_deadline(uuid);
      DROP INDEX applications_open_deadline_idx;
      ALTER TABLE applications DROP COLUMN next_deadline_at;
    `);
  }
}
