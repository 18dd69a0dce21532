import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffWorkflow1764100000000 implements MigrationInterface {
  name = 'StaffWorkflow1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        email text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['agent', 'officer', 'supervisor', 'center_admin']),
        password_hash text,
        status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'disabled')),
        on_duty boolean NOT NULL DEFAULT true,
        language text NOT NULL DEFAULT 'tr',
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX staff_users_email_key ON staff_users (lower(email));
      CREATE INDEX staff_users_agency_idx ON staff_users (agency_id);

      -- Opaque session tokens, stored hashed: revocation takes effect on the next request.
      CREATE TABLE staff_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES staff_users(id),
        token_hash bytea NOT NULL CONSTRAINT staff_sessions_token_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id) WHERE revoked_at IS NULL;

      -- The link token is this id plus an HMAC of it, so no usable secret is stored anywhere.
      CREATE TABLE password_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES staff_users(id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );

      CREATE TABLE agency_settings (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        assignment_mode text NOT NULL DEFAULT 'manual' CHECK (assignment_mode IN ('manual', 'round_robin', 'least_loaded')),
        last_assigned_user_id uuid REFERENCES staff_users(id)
      );

      CREATE TABLE canned_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        code text NOT NULL,
        language text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        CONSTRAINT canned_responses_key UNIQUE (agency_id, code, language)
      );

      -- Grounds on which an application is not processed, and reasons for transfers; each deployment edits them.
      CREATE TABLE reason_codes (
        kind text NOT NULL CHECK (kind IN ('rejection', 'transfer')),
        code text NOT NULL,
        names jsonb NOT NULL,
        legal_basis text,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (kind, code)
      );
      INSERT INTO reason_codes (kind, code, names, legal_basis) VALUES
        ('rejection', 'no_clear_subject', '{"tr":"Konusu belli olmayan başvuru","en":"No clear subject"}', 'Law 3071 Art. 6; CIMER regulation'),
        ('rejection', 'before_courts', '{"tr":"Yargı mercilerinin görevine giren konu","en":"A matter for the courts"}', 'Law 3071 Art. 6'),
        ('rejection', 'missing_identity', '{"tr":"Ad, soyad, imza veya adres eksik","en":"Name, signature or address missing"}', 'Law 3071 Art. 6'),
        ('rejection', 'repeated_abusive', '{"tr":"Kötüye kullanım niteliğinde tekrarlanan başvuru","en":"Repeated applications amounting to abuse"}', 'CIMER regulation'),
        ('rejection', 'speculative', '{"tr":"Somut bilgi içermeyen, spekülatif başvuru","en":"Speculation with nothing concrete"}', 'CIMER regulation'),
        ('rejection', 'insulting', '{"tr":"Hakaret içeren başvuru","en":"Insulting content"}', 'CIMER regulation'),
        ('transfer', 'misrouted', '{"tr":"Yanlış kuruma yönlendirilmiş","en":"Sent to the wrong agency"}', 'Law 3071 Art. 5'),
        ('transfer', 'partly_other_agency', '{"tr":"Kısmen başka kurumun görevi","en":"Partly another agency''s matter"}', 'Law 3071 Art. 5'),
        ('transfer', 'employee_complaint', '{"tr":"Personel şikâyeti; üst makama","en":"Complaint about an employee; to their superior"}', 'CIMER regulation'),
        ('transfer', 'local_office', '{"tr":"Yerel birimin görevi","en":"A matter for the local office"}', NULL),
        ('transfer', 'center_designation', '{"tr":"Merkez tarafından kurum belirlendi","en":"Agency designated by the center"}', NULL);

      ALTER TABLE applications
        ADD COLUMN assigned_officer_id uuid REFERENCES staff_users(id),
        ADD COLUMN filed_by_staff_id uuid REFERENCES staff_users(id),
        ADD COLUMN transfer_count integer NOT NULL DEFAULT 0,
        ADD COLUMN duplicate_of_id uuid REFERENCES applications(id),
        ADD COLUMN answered_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5),
        ADD COLUMN rating_comment text,
        ADD COLUMN search_vector tsvector;
      CREATE INDEX applications_officer_status_idx ON applications (assigned_officer_id, status) WHERE assigned_officer_id IS NOT NULL;
      CREATE INDEX applications_duplicate_of_idx ON applications (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;
      CREATE INDEX applications_search_idx ON applications USING gin (search_vector);

      -- Full-text search in the application's own language: Turkish stemming for Turkish, and so on.
      CREATE FUNCTION applications_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE cfg regconfig;
      BEGIN
        cfg := CASE NEW.language WHEN 'tr' THEN 'turkish' WHEN 'en' THEN 'english' WHEN 'ar' THEN 'arabic' ELSE 'simple' END;
        NEW.search_vector := setweight(to_tsvector(cfg, coalesce(NEW.subject, '')), 'A') || setweight(to_tsvector(cfg, coalesce(NEW.body, '')), 'B')
          || to_tsvector('simple', coalesce(NEW.subject, '') || ' ' || coalesce(NEW.body, ''));
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_search_vector BEFORE INSERT OR UPDATE OF subject, body, language ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_search_vector();
      UPDATE applications SET subject = subject;

      -- An agency and everything under it: a supervisor's reach.
      CREATE FUNCTION agency_subtree(root uuid) RETURNS TABLE (id uuid) LANGUAGE sql STABLE AS $$
        WITH RECURSIVE tree AS (
          SELECT a.id FROM agencies a WHERE a.id = root
          UNION ALL
          SELECT c.id FROM agencies c JOIN tree ON c.parent_id = tree.id
        ) SELECT tree.id FROM tree
      $$;

      -- Messages exchanged with the citizen about an application, as the console shows them.
      CREATE TABLE application_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        direction text NOT NULL CHECK (direction IN ('to_citizen', 'from_citizen')),
        kind text NOT NULL,
        channel text NOT NULL,
        body text NOT NULL,
        author_staff_id uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX application_messages_application_idx ON application_messages (application_id, created_at);

      -- Every message Petitio sends, recorded before it is sent, delivered from the notifications queue.
      CREATE TABLE outgoing_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid REFERENCES applications(id),
        staff_user_id uuid REFERENCES staff_users(id),
        channel text NOT NULL CHECK (channel IN ('sms', 'email', 'web')),
        recipient text,
        template text NOT NULL,
        language text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')),
        attempts integer NOT NULL DEFAULT 0,
        provider_message_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX outgoing_messages_pending_idx ON outgoing_messages (created_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX outgoing_messages_application_idx ON outgoing_messages (application_id) WHERE application_id IS NOT NULL;

      -- Who looked at a citizen's identity or contact, when, and on which application.
      CREATE TABLE personal_data_reads (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        staff_user_id uuid NOT NULL REFERENCES staff_users(id),
        application_id uuid NOT NULL REFERENCES applications(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        fields text[] NOT NULL
      );
      CREATE INDEX personal_data_reads_application_idx ON personal_data_reads (application_id, read_at);
      CREATE INDEX personal_data_reads_staff_idx ON personal_data_reads (staff_user_id, read_at);

      -- Hash chain over each application's history: any edit or removal breaks a link.
      ALTER TABLE application_events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
      CREATE FUNCTION application_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Serialise appends per application so two writers cannot fork the chain.
        PERFORM pg_advisory_xact_lock(hashtextextended(NEW.application_id::text, 0));
        -- The id the column default drew came before the lock, so two appends could commit in the
        -- opposite order of their ids and fork the chain; drawn again under the lock, id order is chain order.
        NEW.id := nextval('application_events_id_seq'::regclass);
        SELECT hash INTO NEW.prev_hash FROM application_events WHERE application_id = NEW.application_id ORDER BY id DESC LIMIT 1;
        NEW.hash := sha256(convert_to(application_event_digest_input(NEW.prev_hash, NEW.application_id, NEW.occurred_at, NEW.kind,
          NEW.actor_type, NEW.actor_id, NEW.from_status, NEW.to_status, NEW.from_agency_id, NEW.to_agency_id, NEW.data), 'UTF8'));
        RETURN NEW;
      END $$;
      CREATE FUNCTION application_event_digest_input(prev bytea, application_id uuid, occurred_at timestamptz, kind text,
          actor_type text, actor_id text, from_status text, to_status text, from_agency_id uuid, to_agency_id uuid, data jsonb)
        RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', coalesce(encode(prev, 'hex'), 'genesis'), application_id::text,
          to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), kind, actor_type, coalesce(actor_id, ''),
          coalesce(from_status, ''), coalesce(to_status, ''), coalesce(from_agency_id::text, ''), coalesce(to_agency_id::text, ''), data::text)
      $$;
      CREATE TRIGGER application_events_chain BEFORE INSERT ON application_events
        FOR EACH ROW EXECUTE FUNCTION application_events_chain();

      -- Chain the history written before this migration, in order.
      ALTER TABLE application_events DISABLE TRIGGER application_events_no_update;
      DO $$
      DECLARE e record; previous bytea; current_application uuid;
      BEGIN
        FOR e IN SELECT * FROM application_events ORDER BY application_id, id LOOP
          IF current_application IS DISTINCT FROM e.application_id THEN previous := NULL; current_application := e.application_id; END IF;
          UPDATE application_events SET prev_hash = previous,
            hash = sha256(convert_to(application_event_digest_input(previous, e.application_id, e.occurred_at, e.kind, e.actor_type,
              e.actor_id, e.from_status, e.to_status, e.from_agency_id, e.to_agency_id, e.data), 'UTF8'))
          WHERE id = e.id RETURNING hash INTO previous;
        END LOOP;
      END $$;
      ALTER TABLE application_events ENABLE TRIGGER application_events_no_update;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER application_events_chain ON application_events;
      DROP FUNCTION application_events_chain();
      DROP FUNCTION application_event_digest_input(bytea, uuid, timestamptz, text, text, text, text, text, uuid, uuid, jsonb);
      ALTER TABLE application_events DROP COLUMN prev_hash, DROP COLUMN hash;
      DROP TABLE personal_data_reads;
      DROP TABLE outgoing_messages;
      DROP TABLE application_messages;
      DROP FUNCTION agency_subtree(uuid);
      DROP TRIGGER applications_search_vector ON applications;
      DROP FUNCTION applications_search_vector();
      ALTER TABLE applications DROP COLUMN assigned_officer_id, DROP COLUMN filed_by_staff_id, DROP COLUMN transfer_count,
        DROP COLUMN duplicate_of_id, DROP COLUMN answered_at, DROP COLUMN closed_at, DROP COLUMN rating,
        DROP COLUMN rating_comment, DROP COLUMN search_vector;
      DROP TABLE reason_codes;
      DROP TABLE canned_responses;
      DROP TABLE agency_settings;
      DROP TABLE password_tokens;
      DROP TABLE staff_sessions;
      DROP TABLE staff_users;
    `);
  }
}
