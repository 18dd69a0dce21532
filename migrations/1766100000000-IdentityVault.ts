import { ConfiguredKeyEncryptionKeys, IdentityVault, PhoneHash } from '@petitio/privacy';
import { loadEnvironment } from '@petitio/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications sealed per round: bounds the memory of a migration over millions of rows. */
const PER_ROUND = 2000;

/**
 * The identity vault: a citizen's name, phone and email leave `applications` for `citizen_identities`, sealed with
 * envelope encryption (docs/privacy.md), and phone lookups use a keyed hash. The clear columns of applications filed
 * before are sealed here, with this process's `VAULT_KEYS` and `PHONE_HASH_SECRET`, then dropped in the same
 * transaction: a failure leaves the database as it was. SMS opt-outs are kept by the same hash.
 */
export class IdentityVault1766100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vault_data_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kek_id text NOT NULL,
        wrapped_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      );
      CREATE INDEX vault_data_keys_kek_idx ON vault_data_keys (kek_id);
      CREATE TABLE citizen_identities (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        data_key_id uuid NOT NULL REFERENCES vault_data_keys(id),
        sealed bytea NOT NULL
      );
      ALTER TABLE applications ADD COLUMN citizen_phone_hash bytea CHECK (octet_length(citizen_phone_hash) = 32);
      ALTER TABLE sms_opt_outs ADD COLUMN phone_hash bytea CHECK (octet_length(phone_hash) = 32);
    `);
    const env = loadEnvironment();
    const vault = new IdentityVault(new ConfiguredKeyEncryptionKeys(env.VAULT_KEYS), (sql, params) => q.query(sql, params));
    const phoneHash = new PhoneHash(env.PHONE_HASH_SECRET);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; tracking_number: string; name: string | null; phone: string | null; email: string | null }[] = await q.query(
        `SELECT id, tracking_number, citizen_name AS name, citizen_phone AS phone, citizen_email AS email FROM applications
         WHERE id > $1 AND (citizen_name IS NOT NULL OR citizen_phone IS NOT NULL OR citizen_email IS NOT NULL) ORDER BY id LIMIT $2`,
        [after, PER_ROUND],
      );
      if (rows.length === 0) break;
      const ids: string[] = [];
      const keys: string[] = [];
      const boxes: Buffer[] = [];
      const hashes: (Buffer | null)[] = [];
      for (const row of rows) {
        const sealed = await vault.seal({ name: row.name, phone: row.phone, email: row.email }, row.tracking_number);
        if (!sealed) continue;
        ids.push(row.id);
        keys.push(sealed.dataKeyId);
        boxes.push(sealed.sealed);
        hashes.push(row.phone ? phoneHash.of(row.phone) : null);
      }
      await q.query(
        `WITH given AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::bytea[]) AS g(id, data_key_id, sealed, phone_hash)),
         stored AS (INSERT INTO citizen_identities (application_id, data_key_id, sealed) SELECT id, data_key_id, sealed FROM given)
         UPDATE applications a SET citizen_phone_hash = given.phone_hash FROM given WHERE a.id = given.id`,
        [ids, keys, boxes, hashes],
      );
      after = rows[rows.length - 1].id;
    }
    // A few numbers per thousand citizens: one round.
    const optOuts: string[] = (await q.query('SELECT phone FROM sms_opt_outs')).map((r: { phone: string }) => r.phone);
    await q.query(`UPDATE sms_opt_outs o SET phone_hash = g.phone_hash FROM unnest($1::text[], $2::bytea[]) AS g(phone, phone_hash) WHERE o.phone = g.phone`, [
      optOuts,
      optOuts.map((phone) => phoneHash.of(phone)),
    ]);
    await q.query(`
      ALTER TABLE sms_opt_outs DROP COLUMN phone, ALTER COLUMN phone_hash SET NOT NULL, ADD PRIMARY KEY (phone_hash);
      DROP INDEX applications_phone_idx;
      ALTER TABLE applications DROP COLUMN citizen_name, DROP COLUMN citizen_phone, DROP COLUMN citizen_email;
      CREATE INDEX applications_phone_hash_idx ON applications (citizen_phone_hash, created_at) WHERE citizen_phone_hash IS NOT NULL;
    `);
  }

  async down(): Promise<void> {
    // Opening every identity back into clear columns would undo the safeguard; restore from a backup instead.
    throw new Error('the identity vault cannot be undone by a migration');
  }
}
