import { MigrationInterface, QueryRunner } from 'typeorm';

/** The templates Petitio sends to the citizen of an application (the others go to staff). */
const CITIZEN_TEMPLATES = [
  'application_received',
  'information_requested',
  'application_answered',
  'application_transferred',
  'application_rejected',
  'deadline_extended',
  'deadline_breached',
  'interim_answer',
];

/**
 * A message to a citizen no longer copies their phone or email: it says `to_citizen`, and delivery reads the contact
 * from the identity vault when it sends. The vault stays the one place a citizen's contact lives, and erasing an
 * identity also stops what was still queued for it. Staff messages keep their address (staff accounts are not
 * sealed). Earlier citizen messages lose their clear copy here.
 */
export class CitizenMessageContacts1766200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_messages ADD COLUMN to_citizen boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE outgoing_messages SET to_citizen = true, recipient = NULL
       WHERE application_id IS NOT NULL AND staff_user_id IS NULL AND template = ANY($1)`,
      [CITIZEN_TEMPLATES],
    );
    await q.query(
      `ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_citizen_contact_sealed
       CHECK (NOT to_citizen OR (recipient IS NULL AND application_id IS NOT NULL))`,
    );
  }

  async down(): Promise<void> {
    // The clear contacts were removed; they cannot be written back without opening the vault (see IdentityVault1766100000000).
    throw new Error('CitizenMessageContacts1766200000000 cannot be reverted: citizen contacts live only in the identity vault');
  }
}
