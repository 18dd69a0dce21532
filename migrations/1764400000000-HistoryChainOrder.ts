import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain trigger read "the previous event" as the highest id of the application, but the id was
 * drawn before the trigger took the per-application lock: two concurrent appends could commit in
 * the opposite order of their ids, and the next append then linked to the wrong one, forking the
 * chain. Drawing the id under the lock makes id order the chain order.
 */
export class HistoryChainOrder1764400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION application_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Serialise appends per application so two writers cannot fork the chain.
        PERFORM pg_advisory_xact_lock(hashtextextended(NEW.application_id::text, 0));
        -- The id drawn by the column default came before the lock; draw it again now (a gap is harmless).
        NEW.id := nextval(pg_get_serial_sequence('application_events', 'id'));
        SELECT hash INTO NEW.prev_hash FROM application_events WHERE application_id = NEW.application_id ORDER BY id DESC LIMIT 1;
        NEW.hash := sha256(convert_to(application_event_digest_input(NEW.prev_hash, NEW.application_id, NEW.occurred_at, NEW.kind,
          NEW.actor_type, NEW.actor_id, NEW.from_status, NEW.to_status, NEW.from_agency_id, NEW.to_agency_id, NEW.data), 'UTF8'));
        RETURN NEW;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION application_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(NEW.application_id::text, 0));
        SELECT hash INTO NEW.prev_hash FROM application_events WHERE application_id = NEW.application_id ORDER BY id DESC LIMIT 1;
        NEW.hash := sha256(convert_to(application_event_digest_input(NEW.prev_hash, NEW.application_id, NEW.occurred_at, NEW.kind,
          NEW.actor_type, NEW.actor_id, NEW.from_status, NEW.to_status, NEW.from_agency_id, NEW.to_agency_id, NEW.data), 'UTF8'));
        RETURN NEW;
      END $$;
    `);
  }
}
