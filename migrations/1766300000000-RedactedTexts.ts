import { ConfiguredKeyEncryptionKeys, IdentityVault, redactPersonalData } from '@petitio/privacy';
import { loadEnvironment } from '@petitio/platform';
import type { CountryCode } from 'libphonenumber-js';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications read per round: bounds the memory of a migration over millions of rows. */
const PER_ROUND = 2000;

/**
 * Staff read an application's subject and body with the identifiers a citizen wrote into them (ID numbers, phones,
 * emails, IBANs, plates, cards) replaced by placeholders; the citizen's own words are sealed in
 * `application_originals` with the vault's data keys, for a reveal with a stated reason, and only where redaction
 * changed something. Applications filed before are redacted here, in rounds, in the same transaction.
 */
export class RedactedTexts1766300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_originals (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        data_key_id uuid NOT NULL REFERENCES vault_data_keys(id),
        sealed bytea NOT NULL
      );
    `);
    const env = loadEnvironment();
    const vault = new IdentityVault(new ConfiguredKeyEncryptionKeys(env.VAULT_KEYS), (sql, params) => q.query(sql, params));
    const options = { defaultCountry: env.DEFAULT_COUNTRY as CountryCode };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; tracking_number: string; subject: string; body: string }[] = await q.query(
        `SELECT id, tracking_number, subject, body FROM applications WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, PER_ROUND],
      );
      if (rows.length === 0) break;
      const changed: { id: string; subject: string; body: string; keyId: string; sealed: Buffer }[] = [];
      for (const row of rows) {
        const subject = redactPersonalData(row.subject ?? '', options);
        const body = redactPersonalData(row.body ?? '', options);
        if (subject.findings.length === 0 && body.findings.length === 0) continue;
        const sealed = await vault.sealOriginal({ subject: row.subject ?? '', body: row.body ?? '' }, row.tracking_number);
        changed.push({ id: row.id, subject: subject.text, body: body.text, keyId: sealed.dataKeyId, sealed: sealed.sealed });
      }
      if (changed.length) {
        await q.query(
          `WITH given AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::bytea[]) AS g(id, subject, body, data_key_id, sealed)),
           stored AS (INSERT INTO application_originals (application_id, data_key_id, sealed) SELECT id, data_key_id, sealed FROM given)
           UPDATE applications a SET subject = given.subject, body = given.body FROM given WHERE a.id = given.id`,
          [changed.map((c) => c.id), changed.map((c) => c.subject), changed.map((c) => c.body), changed.map((c) => c.keyId), changed.map((c) => c.sealed)],
        );
      }
      after = rows[rows.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // Writing the citizens' words back in clear would undo the safeguard; restore from a backup instead.
    throw new Error('RedactedTexts1766300000000 cannot be reverted: the original texts live only in the vault');
  }
}
