import { DEMO_PHONE_HASH_SECRET, DEMO_VAULT_KEY } from '@petitio/platform';
import { CitizenIdentity, ConfiguredKeyEncryptionKeys, IDENTITY_COLUMNS, IDENTITY_JOIN, IdentityVault, PhoneHash } from '@petitio/privacy';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

// The stacks under test run with the demo keys, so a test can open what they sealed.
const DEMO_VAULT_KEYS = `demo:${DEMO_VAULT_KEY}`;
const demoPhoneHash = new PhoneHash(DEMO_PHONE_HASH_SECRET);

/** The keyed hash applications are found by, for `WHERE citizen_phone_hash = $1`. */
export function phoneHashOf(e164: string): Buffer {
  return demoPhoneHash.of(e164);
}

/** The identity sealed for the application with this tracking number, opened with the demo keys or those given. */
export async function identityOf(db: Queryable, trackingNumber: string, vaultKeys = DEMO_VAULT_KEYS): Promise<CitizenIdentity> {
  const vault = new IdentityVault(new ConfiguredKeyEncryptionKeys(vaultKeys), async (sql, params) => (await db.query(sql, params)).rows);
  const { rows } = await db.query(
    `SELECT a.tracking_number AS "trackingNumber", ${IDENTITY_COLUMNS} FROM applications a ${IDENTITY_JOIN} WHERE a.tracking_number = $1`,
    [trackingNumber],
  );
  if (rows.length === 0) throw new Error(`no application ${trackingNumber}`);
  return vault.openRow(rows[0] as never);
}
