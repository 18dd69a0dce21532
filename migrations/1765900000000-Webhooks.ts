import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed outbound webhooks (Standard Webhooks). A subscription is an agency's (its subtree) or the center's (every
 * agency: agency_id NULL) receiver URL and the event types it wants. The events are history lines: a trigger on
 * application_events writes one outbox row per line of a subscribed kind, in the transaction that wrote the line,
 * so an event exists exactly when its change committed, and costs nothing while nobody subscribes.
 *
 * A delivery is one event for one subscription: its id is the `webhook-id` the receiver sees on every attempt, and
 * (subscription, history line) is unique, so a fan-out run twice queues nothing twice. Every attempt is kept.
 */
export class Webhooks1765900000000 implements MigrationInterface {
  name = 'Webhooks1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid REFERENCES agencies(id),
        url text NOT NULL CHECK (length(url) <= 2000),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        include_identity boolean NOT NULL DEFAULT false,
        -- The signing secrets must be readable to sign with; the previous one keeps signing until it expires.
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        disabled_reason text CHECK (disabled_reason IN ('by_staff', 'failing')),
        disabled_at timestamptz,
        created_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_subscriptions_active_idx ON webhook_subscriptions (agency_id) WHERE status = 'active';

      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        application_event_id bigint NOT NULL,
        application_id uuid NOT NULL REFERENCES applications(id),
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- Held by the worker sending it, so a second worker never sends the same delivery at the same time.
        locked_until timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, application_event_id)
      );
      CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC);

      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        -- What went wrong, in our words (timeout, refused, status 500), never the receiver's answer body.
        error text,
        duration_ms integer NOT NULL
      );
      CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);

      CREATE FUNCTION webhook_event_type(kind text, to_status text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN kind = 'routed' THEN 'application.routed'
          WHEN kind = 'transferred' THEN 'application.transferred'
          WHEN kind = 'citizen_replied' THEN 'citizen.replied'
          WHEN kind = 'deadline_warning' THEN 'deadline.warning'
          WHEN kind = 'deadline_breached' THEN 'deadline.breached'
          WHEN kind = 'answered' THEN 'application.answered'
          WHEN to_status = 'closed' THEN 'application.closed'
        END
      $$;

      CREATE FUNCTION application_event_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_type text := webhook_event_type(NEW.kind, NEW.to_status);
      BEGIN
        IF event_type IS NOT NULL AND EXISTS (SELECT 1 FROM webhook_subscriptions WHERE status = 'active' AND event_type = ANY(events)) THEN
          INSERT INTO outbox_events (topic, aggregate_id, payload)
          VALUES ('webhook.event', NEW.application_id, jsonb_build_object('historyId', NEW.id, 'type', event_type));
        END IF;
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER application_events_webhook AFTER INSERT ON application_events
        FOR EACH ROW EXECUTE FUNCTION application_event_webhook();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER application_events_webhook ON application_events;
      DROP FUNCTION application_event_webhook();
      DROP FUNCTION webhook_event_type(text, text);
      DROP TABLE webhook_attempts;
      DROP TABLE webhook_deliveries;
      DROP TABLE webhook_subscriptions;
    `);
  }
}
