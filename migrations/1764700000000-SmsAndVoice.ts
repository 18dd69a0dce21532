import { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsAndVoice1764700000000 implements MigrationInterface {
  name = 'SmsAndVoice1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Numbers that sent STOP: nothing more is sent to them until they send START.
      CREATE TABLE sms_opt_outs (
        phone text PRIMARY KEY CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        opted_out_at timestamptz NOT NULL DEFAULT now()
      );

      -- Every webhook delivery from the SMS/voice provider, by its id, so a redelivery is handled once.
      -- No message text is kept here: what a citizen wrote lives only in their application.
      CREATE TABLE inbound_messages (
        provider_sid text PRIMARY KEY,
        channel text NOT NULL CHECK (channel IN ('sms', 'voice')),
        received_at timestamptz NOT NULL DEFAULT now(),
        application_id uuid REFERENCES applications(id),
        outcome text NOT NULL,
        reply text
      );
      CREATE INDEX inbound_messages_received_idx ON inbound_messages (received_at);

      ALTER TABLE outgoing_messages ADD COLUMN delivery_status text, ADD COLUMN delivery_updated_at timestamptz;
      -- The provider's id of a citizen's SMS reply: a redelivered webhook never attaches it twice.
      ALTER TABLE application_messages ADD COLUMN provider_ref text;
      CREATE UNIQUE INDEX application_messages_provider_ref_idx ON application_messages (provider_ref) WHERE provider_ref IS NOT NULL;
      CREATE INDEX outgoing_messages_provider_idx ON outgoing_messages (provider_message_id) WHERE provider_message_id IS NOT NULL;
      -- One receipt per application, even if two acknowledgement jobs ever ran at once.
      CREATE UNIQUE INDEX outgoing_messages_one_receipt_idx ON outgoing_messages (application_id) WHERE template = 'application_received';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outgoing_messages_one_receipt_idx;
      DROP INDEX application_messages_provider_ref_idx;
      ALTER TABLE application_messages DROP COLUMN provider_ref;
      DROP INDEX outgoing_messages_provider_idx;
      ALTER TABLE outgoing_messages DROP COLUMN delivery_status, DROP COLUMN delivery_updated_at;
      DROP TABLE inbound_messages;
      DROP TABLE sms_opt_outs;
    `);
  }
}
