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

/** An outgoing_messages row as selected with `to_citizen` and `application_id` beside the columns a test wants. */
type MessageRow = Record<string, unknown> & { to_citizen: boolean; application_id: string | null; channel: string; recipient: string | null };

/**
 * Outgoing messages with each citizen's message given the contact delivery will use: a message to a citizen stores
 * none (checked here), so its recipient is opened from the application's sealed identity. `to_citizen` and
 * `application_id` are dropped from the rows returned.
 */
export async function withCitizenContacts(db: Queryable, rows: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const addressed: Record<string, unknown>[] = [];
  for (const row of rows as MessageRow[]) {
    const { to_citizen: toCitizen, application_id: applicationId, ...rest } = row;
    if (toCitizen) {
      if (rest.recipient !== null) throw new Error(`message to a citizen stores a clear recipient`);
      const { rows: apps } = await db.query('SELECT tracking_number FROM applications WHERE id = $1', [applicationId]);
      const identity = await identityOf(db, apps[0].tracking_number as string);
      rest.recipient = rest.channel === 'sms' ? identity.phone : rest.channel === 'email' ? identity.email : null;
    }
    addressed.push(rest);
  }
  return addressed;
}
