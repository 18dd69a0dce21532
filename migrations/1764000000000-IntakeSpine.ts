import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeSpine1764000000000 implements MigrationInterface {
  name = 'IntakeSpine1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY,
        parent_code text REFERENCES regions(code),
        kind text NOT NULL CHECK (kind IN ('province', 'district')),
        names jsonb NOT NULL
      );
      CREATE INDEX regions_parent_idx ON regions (parent_code);

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        parent_id uuid REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN ('center', 'triage', 'ministry', 'directorate', 'district_office', 'municipality', 'other')),
        names jsonb NOT NULL,
        contact_email text,
        region_code text REFERENCES regions(code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agencies_code_key UNIQUE (code),
        CONSTRAINT agencies_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      );
      CREATE INDEX agencies_parent_idx ON agencies (parent_id);
      -- Exactly one triage unit receives whatever no rule claims.
      CREATE UNIQUE INDEX agencies_one_triage_idx ON agencies (kind) WHERE kind = 'triage';

      CREATE TABLE application_types (
        code text PRIMARY KEY,
        names jsonb NOT NULL,
        legal_basis text
      );
      INSERT INTO application_types (code, names, legal_basis) VALUES
        ('petition', '{"tr":"Dilekçe","en":"Petition","ar":"عريضة"}', 'Law 3071 on the right to petition'),
        ('complaint', '{"tr":"Şikâyet","en":"Complaint","ar":"شكوى"}', 'Law 3071 on the right to petition'),
        ('request', '{"tr":"Talep","en":"Request","ar":"طلب"}', 'Law 3071 on the right to petition'),
        ('information_request', '{"tr":"Bilgi edinme başvurusu","en":"Information request","ar":"طلب معلومات"}', 'Law 4982 on the right to information'),
        ('suggestion', '{"tr":"Öneri","en":"Suggestion","ar":"اقتراح"}', 'Law 3071 on the right to petition');

      CREATE TABLE topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT topics_code_key UNIQUE,
        names jsonb NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        default_agency_id uuid REFERENCES agencies(id),
        active boolean NOT NULL DEFAULT true
      );

      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT routing_rules_code_key UNIQUE,
        position integer NOT NULL DEFAULT 100,
        description text NOT NULL DEFAULT '',
        type_code text REFERENCES application_types(code),
        topic_id uuid REFERENCES topics(id),
        province_code text REFERENCES regions(code),
        district_code text REFERENCES regions(code),
        keywords text[],
        agency_id uuid NOT NULL REFERENCES agencies(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_number text NOT NULL CONSTRAINT applications_tracking_number_key UNIQUE
          CHECK (tracking_number ~ '^[0-9]{11}$'),
        type_code text NOT NULL REFERENCES application_types(code),
        topic_id uuid REFERENCES topics(id),
        subject text NOT NULL,
        body text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('web', 'sms', 'voice', 'agent', 'email', 'api')),
        citizen_name text,
        citizen_phone text CHECK (citizen_phone ~ '^\\+[1-9][0-9]{6,14}$'),
        citizen_email text,
        language text NOT NULL,
        province_code text REFERENCES regions(code),
        district_code text REFERENCES regions(code),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        confidential boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'received' CHECK (status IN
          ('received', 'routed', 'assigned', 'in_progress', 'awaiting_citizen', 'answered', 'closed', 'reopened', 'rejected')),
        assigned_agency_id uuid REFERENCES agencies(id),
        routing_rule_id uuid REFERENCES routing_rules(id) ON DELETE SET NULL,
        idempotency_key text,
        request_fingerprint text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        routed_at timestamptz,
        version integer NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX applications_idempotency_key_idx ON applications (idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX applications_agency_status_idx ON applications (assigned_agency_id, status, created_at);
      CREATE INDEX applications_status_created_idx ON applications (status, created_at);
      CREATE INDEX applications_phone_idx ON applications (citizen_phone) WHERE citizen_phone IS NOT NULL;

      CREATE TABLE application_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('citizen', 'staff', 'system')),
        actor_id text,
        from_status text,
        to_status text,
        from_agency_id uuid,
        to_agency_id uuid,
        data jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX application_events_application_idx ON application_events (application_id, id);

      -- History is append-only: nothing may rewrite or remove what happened.
      CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER application_events_no_update BEFORE UPDATE OR DELETE ON application_events
        FOR EACH ROW EXECUTE FUNCTION application_events_append_only();
      CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events
        FOR EACH STATEMENT EXECUTE FUNCTION application_events_append_only();

      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE outbox_events;
      DROP TABLE application_events;
      DROP FUNCTION application_events_append_only();
      DROP TABLE applications;
      DROP TABLE routing_rules;
      DROP TABLE topics;
      DROP TABLE application_types;
      DROP TABLE agencies;
      DROP TABLE regions;
    `);
  }
}
