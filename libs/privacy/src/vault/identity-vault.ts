import { randomBytes } from 'node:crypto';
import { KeyEncryptionKeys } from './key-encryption-keys';
import { KEY_BYTES, open, seal } from './sealed-box';

/** Who filed an application and how to reach them: what the vault keeps apart from the case. */
export interface CitizenIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** An identity as stored in `citizen_identities`: sealed with a data key, itself wrapped in `vault_data_keys`. */
export interface SealedIdentity {
  dataKeyId: string;
  sealed: Buffer;
}

/**
 * The columns a reader selects (with {@link IDENTITY_JOIN}) so that {@link IdentityVault.openRow} can open them. The
 * wrapped data key comes in the same row, so opening never needs a second query (or a second pooled connection while
 * the reader's transaction holds one).
 */
export const IDENTITY_COLUMNS = `ci.sealed AS "identitySealed", ci.data_key_id AS "identityKeyId", vk.kek_id AS "identityKekId", vk.wrapped_key AS "identityWrappedKey"`;
/** Joins an application `a` to its sealed identity and data key, if it has one. Lock with `FOR … OF a`. */
export const IDENTITY_JOIN = `LEFT JOIN citizen_identities ci ON ci.application_id = a.id LEFT JOIN vault_data_keys vk ON vk.id = ci.data_key_id`;

export interface SealedIdentityColumns {
  trackingNumber: string;
  identitySealed: Buffer | null;
  identityKeyId: string | null;
  identityKekId: string | null;
  identityWrappedKey: Buffer | null;
}

export const NO_IDENTITY: CitizenIdentity = Object.freeze({ name: null, phone: null, email: null });

/** What the citizen wrote, before redaction: kept sealed when redaction changed it, for a stated reveal. */
export interface OriginalText {
  subject: string;
  body: string;
}

/** The columns that let {@link IdentityVault.openOriginal} open an application's original text (with {@link ORIGINAL_JOIN}). */
export const ORIGINAL_COLUMNS = `og.sealed AS "originalSealed", og.data_key_id AS "originalKeyId", ovk.kek_id AS "originalKekId", ovk.wrapped_key AS "originalWrappedKey"`;
/** Joins an application `a` to its sealed original text, if redaction changed it. */
export const ORIGINAL_JOIN = `LEFT JOIN application_originals og ON og.application_id = a.id LEFT JOIN vault_data_keys ovk ON ovk.id = og.data_key_id`;

export interface SealedOriginalColumns {
  trackingNumber: string;
  originalSealed: Buffer | null;
  originalKeyId: string | null;
  originalKekId: string | null;
  originalWrappedKey: Buffer | null;
}

/** Runs one SQL statement: the data source's `query`, or a migration's query runner. */
export type VaultQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** How long a process seals new identities with one data key before it makes the next. */
const DATA_KEY_PERIOD_MS = 24 * 60 * 60 * 1000;
/** Data keys kept unwrapped in memory; a deployment makes a few per process and day, so this holds years of them. */
const MOST_OPEN_KEYS = 10_000;

interface CurrentDataKey {
  id: string;
  key: Buffer;
  keyEncryptionKeyId: string;
  madeAt: number;
}

/**
 * Envelope encryption of citizens' identities. Each identity is sealed (AES-256-GCM) with a data key, bound to its
 * application's tracking number so a box cannot be moved to another application; a process makes a new data key per
 * day, wraps it with the current key-encryption key and stores only the wrapped form. Rotating the key-encryption key
 * re-wraps the data keys (a few rows a day), never the identities. Unwrapped data keys are cached: reading an identity
 * costs one AES-GCM open, no KMS call.
 */
export class IdentityVault {
  private current: Promise<CurrentDataKey> | null = null;
  private readonly opened = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly keys: KeyEncryptionKeys,
    private readonly query: VaultQuery,
  ) {}

  get currentKeyEncryptionKeyId(): string {
    return this.keys.currentKeyId;
  }

  /** The sealed identity, or `null` when there is nothing to keep (an anonymous filing). */
  async seal(identity: CitizenIdentity, trackingNumber: string): Promise<SealedIdentity | null> {
    const kept = compact(identity);
    if (!kept) return null;
    const dataKey = await this.currentDataKey();
    return { dataKeyId: dataKey.id, sealed: seal(dataKey.key, Buffer.from(JSON.stringify(kept), 'utf8'), trackingNumber) };
  }

  /** Opens what a reader selected with {@link IDENTITY_COLUMNS}; an application without an identity has none. */
  async openRow(row: SealedIdentityColumns): Promise<CitizenIdentity> {
    const plain = await this.openBox(row.identitySealed, row.identityKeyId, row.identityKekId, row.identityWrappedKey, row.trackingNumber);
    if (!plain) return NO_IDENTITY;
    const kept = JSON.parse(plain) as { n?: string; p?: string; e?: string };
    return { name: kept.n ?? null, phone: kept.p ?? null, email: kept.e ?? null };
  }

  /** Seals the text a citizen wrote, bound to the application (and apart from its identity: one box cannot stand for the other). */
  async sealOriginal(original: OriginalText, trackingNumber: string): Promise<SealedIdentity> {
    const dataKey = await this.currentDataKey();
    const plain = Buffer.from(JSON.stringify({ s: original.subject, b: original.body }), 'utf8');
    return { dataKeyId: dataKey.id, sealed: seal(dataKey.key, plain, originalContext(trackingNumber)) };
  }

  /** Opens what a reader selected with {@link ORIGINAL_COLUMNS}; null when redaction left the text as it was (or it was erased). */
  async openOriginal(row: SealedOriginalColumns): Promise<OriginalText | null> {
    const context = originalContext(row.trackingNumber);
    const plain = await this.openBox(row.originalSealed, row.originalKeyId, row.originalKekId, row.originalWrappedKey, context);
    if (!plain) return null;
    const kept = JSON.parse(plain) as { s: string; b: string };
    return { subject: kept.s, body: kept.b };
  }

  /**
   * Re-wraps up to `limit` data keys still wrapped by an older key-encryption key with the current one; returns how
   * many. Run until it returns 0, then the old key can leave `VAULT_KEYS`. Safe beside running processes and beside another
   * rewrap: a data key's value never changes, only its wrapping.
   */
  async rewrap(limit = 100): Promise<number> {
    const rows = (await this.query(`SELECT id, kek_id, wrapped_key FROM vault_data_keys WHERE kek_id <> $1 ORDER BY id LIMIT $2`, [
      this.keys.currentKeyId,
      limit,
    ])) as { id: string; kek_id: string; wrapped_key: Buffer }[];
    for (const row of rows) {
      const wrapped = await this.keys.wrap(await this.keys.unwrap({ keyId: row.kek_id, wrapped: row.wrapped_key }));
      await this.query(`UPDATE vault_data_keys SET kek_id = $2, wrapped_key = $3, rewrapped_at = now() WHERE id = $1`, [
        row.id,
        wrapped.keyId,
        wrapped.wrapped,
      ]);
    }
    return rows.length;
  }

  private currentDataKey(): Promise<CurrentDataKey> {
    const made = this.current;
    if (!made) return (this.current = this.makeDataKey());
    return made.then(
      (key) => {
        const stale = Date.now() - key.madeAt > DATA_KEY_PERIOD_MS || key.keyEncryptionKeyId !== this.keys.currentKeyId;
        if (stale && this.current === made) this.current = this.makeDataKey();
        return stale ? this.current! : key;
      },
      () => {
        // A failed attempt (database down) is not remembered: the next identity tries again.
        if (this.current === made) this.current = this.makeDataKey();
        return this.current!;
      },
    );
  }

  private async makeDataKey(): Promise<CurrentDataKey> {
    const key = randomBytes(KEY_BYTES);
    const wrapped = await this.keys.wrap(key);
    const [row] = (await this.query(`INSERT INTO vault_data_keys (kek_id, wrapped_key) VALUES ($1, $2) RETURNING id`, [wrapped.keyId, wrapped.wrapped])) as {
      id: string;
    }[];
    this.opened.set(row.id, Promise.resolve(key));
    return { id: row.id, key, keyEncryptionKeyId: wrapped.keyId, madeAt: Date.now() };
  }

  /** A box as a reader selected it (sealed value, data key id, its key-encryption key and wrapping), or null when there is none. */
  private async openBox(sealed: Buffer | null, keyId: string | null, kekId: string | null, wrapped: Buffer | null, context: string): Promise<string | null> {
    if (!sealed || !keyId || !kekId || !wrapped) return null;
    return open(await this.dataKey(keyId, kekId, wrapped), sealed, context).toString('utf8');
  }

  private dataKey(id: string, keyEncryptionKeyId: string, wrapped: Buffer): Promise<Buffer> {
    let key = this.opened.get(id);
    if (!key) {
      if (this.opened.size >= MOST_OPEN_KEYS) this.opened.clear();
      key = this.keys.unwrap({ keyId: keyEncryptionKeyId, wrapped });
      this.opened.set(id, key);
      key.catch(() => this.opened.delete(id));
    }
    return key;
  }
}

function originalContext(trackingNumber: string): string {
  return `${trackingNumber}/original`;
}

/** The identity's non-empty fields under short names (the box stays small), or `null` when none is left. */
function compact(identity: CitizenIdentity): { n?: string; p?: string; e?: string } | null {
  const kept: { n?: string; p?: string; e?: string } = {};
  if (identity.name) kept.n = identity.name;
  if (identity.phone) kept.p = identity.phone;
  if (identity.email) kept.e = identity.email;
  return Object.keys(kept).length ? kept : null;
}
