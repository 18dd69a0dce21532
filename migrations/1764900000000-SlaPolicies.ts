import { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA policies (seeded with the Turkish legal defaults) and the clocks each application runs under them. */
export class SlaPolicies1764900000000 implements MigrationInterface {
  name = 'SlaPolicies1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT sla_policies_code_key UNIQUE,
        -- NULL matches every type / topic / agency; the most specific active policy wins (agency > topic > type).
        application_type text REFERENCES application_types(code),
        topic_id uuid REFERENCES topics(id),
        agency_id uuid REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN ('first_response', 'answer', 'information')),
        amount integer NOT NULL CHECK (amount > 0),
        unit text NOT NULL CHECK (unit IN ('calendar_days', 'working_days', 'working_hours')),
        on_awaiting_citizen text NOT NULL CHECK (on_awaiting_citizen IN ('pause', 'restart', 'continue')),
        on_transfer text NOT NULL DEFAULT 'keep' CHECK (on_transfer IN ('keep', 'restart')),
        extension_amount integer CHECK (extension_amount > 0),
        extension_unit text CHECK (extension_unit IN ('calendar_days', 'working_days', 'working_hours')),
        requires_notice_before_deadline boolean NOT NULL DEFAULT false,
        warning_shares numeric[] NOT NULL DEFAULT '{0.5,0.75,0.9}',
        legal_basis text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_extension_whole CHECK ((extension_amount IS NULL) = (extension_unit IS NULL)),
        CONSTRAINT sla_policies_warning_shares_range CHECK (0 < ALL (warning_shares) AND 1 > ALL (warning_shares))
      );
      -- Two active policies with the same scope would make "the most specific one" ambiguous.
      CREATE UNIQUE INDEX sla_policies_one_active_per_scope_idx ON sla_policies (kind,
        COALESCE(application_type, ''), COALESCE(topic_id, '00000000-0000-0000-0000-000000000000'),
        COALESCE(agency_id, '00000000-0000-0000-0000-000000000000')) WHERE active;

      INSERT INTO sla_policies (code, application_type, kind, amount, unit, on_awaiting_citizen, on_transfer,
          extension_amount, extension_unit, requires_notice_before_deadline, legal_basis) VALUES
        -- Law 3071 sets 30 days and no stop rule, so waiting for the citizen does not stop the clock.
        ('TR-3071-PETITION', 'petition', 'answer', 30, 'calendar_days', 'continue', 'keep', NULL, NULL, false, 'Law 3071 on the right to petition, Art. 7'),
        ('TR-3071-COMPLAINT', 'complaint', 'answer', 30, 'calendar_days', 'continue', 'keep', NULL, NULL, false, 'Law 3071 on the right to petition, Art. 7'),
        ('TR-3071-REQUEST', 'request', 'answer', 30, 'calendar_days', 'continue', 'keep', NULL, NULL, false, 'Law 3071 on the right to petition, Art. 7'),
        ('TR-3071-SUGGESTION', 'suggestion', 'answer', 30, 'calendar_days', 'continue', 'keep', NULL, NULL, false, 'Law 3071 on the right to petition, Art. 7'),
        -- Law 4982: 15 working days, 30 when another unit must be consulted and the applicant is told before day 15;
        -- a fee notice stops the clock. The 'information' clock is the same period for any application that also asks for information.
        ('TR-4982-INFORMATION-REQUEST', 'information_request', 'answer', 15, 'working_days', 'pause', 'keep', 15, 'working_days', true, 'Law 4982 on the right to information, Art. 11'),
        ('TR-4982-INFORMATION', NULL, 'information', 15, 'working_days', 'pause', 'keep', 15, 'working_days', true, 'Law 4982 on the right to information, Art. 11'),
        ('TR-FIRST-RESPONSE', NULL, 'first_response', 2, 'working_days', 'pause', 'keep', NULL, NULL, false, 'CİMER service target: acknowledged or assigned within 2 working days');

      CREATE TABLE sla_clocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        policy_id uuid NOT NULL REFERENCES sla_policies(id),
        kind text NOT NULL CHECK (kind IN ('first_response', 'answer', 'information')),
        -- The policy's terms when the clock (re)started: editing a policy never silently moves open deadlines.
        terms jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        -- The whole budget in the clock's measure (working minutes, or real minutes for calendar days).
        total_minutes double precision NOT NULL CHECK (total_minutes >= 0),
        paused_at timestamptz,
        remaining_minutes double precision,
        extended boolean NOT NULL DEFAULT false,
        extension_reason text,
        stopped_at timestamptz,
        -- Timers carry the version they were set for; one firing for an older version does nothing.
        deadline_version integer NOT NULL DEFAULT 1,
        breached_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_clocks_paused_has_remaining CHECK ((paused_at IS NULL) = (remaining_minutes IS NULL))
      );
      CREATE INDEX sla_clocks_application_idx ON sla_clocks (application_id);
      -- One running clock of each kind per application (a petition asking for information runs two kinds).
      CREATE UNIQUE INDEX sla_clocks_one_open_per_kind_idx ON sla_clocks (application_id, kind) WHERE stopped_at IS NULL;
      -- Running clocks by deadline: the inbox's overdue and due-soon filters.
      CREATE INDEX sla_clocks_running_deadline_idx ON sla_clocks (deadline_at) WHERE stopped_at IS NULL AND paused_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sla_clocks; DROP TABLE sla_policies');
  }
}
