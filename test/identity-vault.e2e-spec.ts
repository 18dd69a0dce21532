import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_VAULT_KEY } from '@petitio/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { IdentityVault1766100000000 } from '../migrations/1766100000000-IdentityVault';
import { runCliWith } from './support/cli';
import { identityOf, phoneHashOf } from './support/identities';
import { createTestDatabase, databaseUrl, dropTestDatabase, testServices } from './support/test-services';

const run = promisify(execFile);
const DEMO_KEYS = `demo:${DEMO_VAULT_KEY}`;

/** Every byte the database holds, as an operator's backup would: where a clear identity would show. */
async function dump(database: string): Promise<string> {
  const { stdout } = await run(join(testServices.pgBin, 'pg_dump'), ['--data-only', databaseUrl(database)], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe('the identity vault', () => {
  let name: string;
  let db: Client;
  const tracking = { named: '10000000018', emailOnly: '10000000026', anonymous: '10000000034' };

  beforeAll(async () => {
    // A database as it stood before the vault, with identities in clear columns.
    name = await createTestDatabase(undefined, 'template1');
    const before = new DataSource({
      type: 'postgres',
      url: databaseUrl(name),
      migrations: migrations.slice(0, migrations.indexOf(IdentityVault1766100000000)),
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.query(
      `INSERT INTO applications (tracking_number, type_code, subject, body, channel, language, citizen_name, citizen_phone, citizen_email)
       VALUES ($1, 'complaint', 'Su yok', 'Su yok, beni 0532 123 45 67 numarasından arayın', 'web', 'tr', 'Ayşe Yılmaz', '+905321234567', 'ayse.vault@example.org'),
              ($2, 'request', 'Light', 'Street light out', 'web', 'en', NULL, NULL, 'only.email@example.org'),
              ($3, 'suggestion', 'Park', 'More trees', 'web', 'en', NULL, NULL, NULL)`,
      [tracking.named, tracking.emailOnly, tracking.anonymous],
    );
    await before.query(`INSERT INTO sms_opt_outs (phone) VALUES ('+905321234567')`);
    // A message still queued for the citizen, with their email copied onto it as it was then, and one to staff.
    await before.query(
      `INSERT INTO outgoing_messages (application_id, channel, recipient, template, language, params)
       SELECT id, 'email', 'only.email@example.org', 'application_answered', 'en', '{}' FROM applications WHERE tracking_number = $1`,
      [tracking.emailOnly],
    );
    await before.query(
      `INSERT INTO outgoing_messages (channel, recipient, template, language, params) VALUES ('email', 'officer@agency.example', 'staff_invitation', 'en', '{}')`,
    );
    await before.destroy();
    db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    if (name) await dropTestDatabase(name);
  });

  it('seals the identities of applications filed before it, keeps their phone and opt-outs findable by hash, and drops the clear columns', async () => {
    expect(await dump(name)).toContain('+905321234567');
    const migrated = await runCliWith({}, databaseUrl(name), 'migrate');
    expect(migrated).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('IdentityVault1766100000000') });

    const columns = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'applications' AND column_name LIKE 'citizen%'`);
    expect(columns.rows).toEqual([{ column_name: 'citizen_phone_hash' }]);
    expect(await identityOf(db, tracking.named)).toEqual({ name: 'Ayşe Yılmaz', phone: '+905321234567', email: 'ayse.vault@example.org' });
    expect(await identityOf(db, tracking.emailOnly)).toEqual({ name: null, phone: null, email: 'only.email@example.org' });
    expect(await identityOf(db, tracking.anonymous)).toEqual({ name: null, phone: null, email: null });
    const byHash = await db.query('SELECT tracking_number FROM applications WHERE citizen_phone_hash = $1', [phoneHashOf('+905321234567')]);
    expect(byHash.rows).toEqual([{ tracking_number: tracking.named }]);
    expect((await db.query('SELECT count(*)::int AS n FROM citizen_identities')).rows[0].n).toBe(2);
    expect((await db.query('SELECT 1 FROM sms_opt_outs WHERE phone_hash = $1', [phoneHashOf('+905321234567')])).rowCount).toBe(1);

    const messages = await db.query('SELECT template, recipient, to_citizen FROM outgoing_messages ORDER BY template');
    expect(messages.rows).toEqual([
      { template: 'application_answered', recipient: null, to_citizen: true },
      { template: 'staff_invitation', recipient: 'officer@agency.example', to_citizen: false },
    ]);

    const everything = await dump(name);
    for (const clear of ['+905321234567', '5321234567', '532 123 45 67', 'Yılmaz', 'ayse.vault@example.org', 'only.email@example.org']) {
      expect(everything).not.toContain(clear);
    }
    // The text an older application was filed with is redacted too, its original sealed beside it.
    const redacted = await db.query('SELECT body FROM applications WHERE tracking_number = $1', [tracking.named]);
    expect(redacted.rows).toEqual([{ body: 'Su yok, beni [PHONE] numarasından arayın' }]);
    expect((await db.query('SELECT count(*)::int AS n FROM application_originals')).rows[0].n).toBe(1);
  });

  it('refuses a sealed identity moved onto another application', async () => {
    await db.query('BEGIN');
    try {
      await db.query(
        `INSERT INTO citizen_identities (application_id, data_key_id, sealed)
         SELECT (SELECT id FROM applications WHERE tracking_number = $2), data_key_id, sealed
         FROM citizen_identities WHERE application_id = (SELECT id FROM applications WHERE tracking_number = $1)`,
        [tracking.named, tracking.anonymous],
      );
      await expect(identityOf(db, tracking.anonymous)).rejects.toThrow();
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('re-wraps every data key with a new key-encryption key, after which the old key can go', async () => {
    const newKeys = `k2:${randomBytes(32).toString('base64')}`;
    // One data key per migration that sealed something (identities, then original texts).
    const { rows: keys } = await db.query('SELECT count(*)::int AS n FROM vault_data_keys');
    expect(keys[0].n).toBe(2);
    const rewrapped = await runCliWith({ VAULT_KEYS: `${newKeys},${DEMO_KEYS}` }, databaseUrl(name), 'rewrap-vault-keys');
    expect(rewrapped).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^2 vault data keys re-wrapped; every data key is now wrapped by k2/) });
    expect((await db.query('SELECT DISTINCT kek_id FROM vault_data_keys')).rows).toEqual([{ kek_id: 'k2' }]);

    expect(await identityOf(db, tracking.named, newKeys)).toMatchObject({ name: 'Ayşe Yılmaz' });
    await expect(identityOf(db, tracking.named, DEMO_KEYS)).rejects.toThrow(/k2 is not in VAULT_KEYS/);
    const again = await runCliWith({ VAULT_KEYS: newKeys }, databaseUrl(name), 'rewrap-vault-keys');
    expect(again).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^0 vault data keys re-wrapped/) });
  });
});
