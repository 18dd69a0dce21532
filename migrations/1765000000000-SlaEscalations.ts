import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalation ladder: what each policy does as a deadline nears and passes, the step each clock has
 * reached, and one row per step fired (its unique key is what makes a timer and the sweeper fire it once).
 */
export class SlaEscalations1765000000000 implements MigrationInterface {
  name = 'SlaEscalations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Working hours may be fractions (whole seconds): a 90-minute callback target is 1.5 working hours.
      ALTER TABLE sla_policies ALTER COLUMN amount TYPE numeric USING amount::numeric;
      ALTER TABLE sla_policies ALTER COLUMN extension_amount TYPE numeric USING extension_amount::numeric;
      ALTER TABLE sla_policies
        -- Rungs of the ladder, each a list of whom to tell: warnings use rung 1, the breach rung 2,
        -- each re-escalation the next one up.
        ADD COLUMN ladder jsonb NOT NULL DEFAULT '[["assigned_officer"], ["agency_supervisors"], ["parent_agency", "center_queue"]]',
        ADD COLUMN re_escalation_amount numeric CHECK (re_escalation_amount > 0),
        ADD COLUMN re_escalation_unit text CHECK (re_escalation_unit IN ('calendar_days', 'working_days', 'working_hours')),
        ADD COLUMN public_late_flag boolean NOT NULL DEFAULT true,
        ADD COLUMN notify_citizen_on_breach boolean NOT NULL DEFAULT true,
        ADD COLUMN notify_citizen_on_extension boolean NOT NULL DEFAULT true,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT sla_policies_re_escalation_whole CHECK ((re_escalation_amount IS NULL) = (re_escalation_unit IS NULL)),
        ADD CONSTRAINT sla_policies_ladder_shape CHECK (jsonb_typeof(ladder) = 'array' AND jsonb_array_length(ladder) BETWEEN 1 AND 6);
      -- Five working days after a breach the parent agency and the center are told.
      UPDATE sla_policies SET re_escalation_amount = 5, re_escalation_unit = 'working_days';
      UPDATE sla_policies SET re_escalation_amount = 1, re_escalation_unit = 'working_days', public_late_flag = false,
        notify_citizen_on_breach = false, ladder = '[["assigned_officer"], ["agency_supervisors"]]'
        WHERE kind = 'first_response';

      ALTER TABLE sla_clocks
        -- A restart or an extension begins a new run: the ladder is climbed again against the new deadline.
        ADD COLUMN escalation_run integer NOT NULL DEFAULT 1,
        -- Ordinal of the latest step fired in this run (warnings 0…n-1, breach n, re-escalations after); NULL: none.
        ADD COLUMN last_escalation_step smallint,
        ADD COLUMN next_escalation_step smallint,
        -- When the next step is due; NULL while paused, once stopped, or when the ladder is done.
        ADD COLUMN next_escalation_at timestamptz,
        -- Highest rung reached, and when a rung put the application in the center's supervision queue.
        ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0,
        ADD COLUMN center_escalated_at timestamptz,
        ADD CONSTRAINT sla_clocks_next_step_whole CHECK ((next_escalation_step IS NULL) = (next_escalation_at IS NULL));
      -- sla_clocks_running_deadline_idx stays: the inbox's overdue and due-soon filters read it.
      -- The sweeper's query: steps overdue on running clocks. It reads only the due ones, however many are open.
      CREATE INDEX sla_clocks_escalation_due_idx ON sla_clocks (next_escalation_at)
        WHERE stopped_at IS NULL AND paused_at IS NULL AND next_escalation_at IS NOT NULL;
      -- Open clocks of one policy, walked by id when an admin asks open deadlines to follow a changed policy.
      CREATE INDEX sla_clocks_open_by_policy_idx ON sla_clocks (policy_id, id) WHERE stopped_at IS NULL;
      -- The center's supervision queue.
      CREATE INDEX sla_clocks_center_queue_idx ON sla_clocks (center_escalated_at) WHERE stopped_at IS NULL AND center_escalated_at IS NOT NULL;

      -- Clocks already open take their policy's ladder into their own copy of the terms, and are handed to the
      -- sweeper: due now with nothing fired, it fires whatever step is really due or plans the next one.
      UPDATE sla_clocks c SET terms = c.terms || jsonb_build_object(
          'ladder', p.ladder,
          'reEscalation', CASE WHEN p.re_escalation_amount IS NULL THEN NULL
            ELSE jsonb_build_object('amount', p.re_escalation_amount, 'unit', p.re_escalation_unit) END,
          'publicLateFlag', p.public_late_flag,
          'notifyCitizenOnBreach', p.notify_citizen_on_breach,
          'notifyCitizenOnExtension', p.notify_citizen_on_extension)
        FROM sla_policies p WHERE p.id = c.policy_id AND c.stopped_at IS NULL AND NOT c.terms ? 'ladder';
      UPDATE sla_clocks SET next_escalation_step = 0, next_escalation_at = now()
        WHERE stopped_at IS NULL AND paused_at IS NULL;

      CREATE TABLE sla_escalations (
        id bigserial PRIMARY KEY,
        clock_id uuid NOT NULL REFERENCES sla_clocks(id),
        application_id uuid NOT NULL REFERENCES applications(id),
        run integer NOT NULL,
        step smallint NOT NULL,
        step_kind text NOT NULL CHECK (step_kind IN ('warning', 'breach', 're_escalation')),
        level smallint NOT NULL CHECK (level >= 1),
        share numeric,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL,
        fired_by text NOT NULL CHECK (fired_by IN ('timer', 'sweeper')),
        -- A timer and the sweeper racing for one step: the second insert finds this and does nothing.
        CONSTRAINT sla_escalations_once UNIQUE (clock_id, run, step)
      );
      CREATE INDEX sla_escalations_application_idx ON sla_escalations (application_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sla_escalations;
      DROP INDEX sla_clocks_center_queue_idx;
      DROP INDEX sla_clocks_open_by_policy_idx;
      DROP INDEX sla_clocks_escalation_due_idx;
      ALTER TABLE sla_clocks DROP CONSTRAINT sla_clocks_next_step_whole, DROP COLUMN escalation_run, DROP COLUMN last_escalation_step,
        DROP COLUMN next_escalation_step, DROP COLUMN next_escalation_at, DROP COLUMN escalation_level, DROP COLUMN center_escalated_at;
      ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_ladder_shape, DROP CONSTRAINT sla_policies_re_escalation_whole,
        DROP COLUMN ladder, DROP COLUMN re_escalation_amount, DROP COLUMN re_escalation_unit, DROP COLUMN public_late_flag,
        DROP COLUMN notify_citizen_on_breach, DROP COLUMN notify_citizen_on_extension, DROP COLUMN updated_at;
      ALTER TABLE sla_policies ALTER COLUMN amount TYPE integer USING ceil(amount)::integer;
      ALTER TABLE sla_policies ALTER COLUMN extension_amount TYPE integer USING ceil(extension_amount)::integer;
    `);
  }
}
