import { KEY_BYTES, open, seal } from './sealed-box';

/** A data key wrapped by a key-encryption key, with the id of the key that can unwrap it. */
export interface WrappedKey {
  keyId: string;
  wrapped: Buffer;
}

/**
 * The key-encryption keys that wrap the vault's data keys. This interface is all a KMS or HSM adapter must provide:
 * the keys never leave it, Petitio only asks it to wrap and unwrap. Old keys stay able to unwrap until every data key
 * is re-wrapped with the current one, so rotation needs no downtime.
 */
export interface KeyEncryptionKeys {
  readonly currentKeyId: string;
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  unwrap(key: WrappedKey): Promise<Buffer>;
}

export const KEY_ENCRYPTION_KEYS = Symbol('KeyEncryptionKeys');

export class KeyConfigurationError extends Error {}

const ENTRY = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/]{43}=)$/;

/**
 * Keys given in configuration (`VAULT_KEYS`): `id:base64key[,id:base64key…]`, 32-byte keys, the first the one new data
 * keys are wrapped with. Suited to a single deployment without a KMS; the keys belong on separate secret storage.
 */
export class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeys {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(setting: string) {
    for (const entry of setting.split(',').map((e) => e.trim())) {
      const match = ENTRY.exec(entry);
      if (!match) throw new KeyConfigurationError('VAULT_KEYS entries are id:base64 of 32 random bytes, separated by commas');
      if (this.keys.has(match[1])) throw new KeyConfigurationError(`VAULT_KEYS names key ${match[1]} twice`);
      const key = Buffer.from(match[2], 'base64');
      if (key.length !== KEY_BYTES) throw new KeyConfigurationError('VAULT_KEYS keys are 32 bytes');
      this.keys.set(match[1], key);
    }
    this.currentKeyId = [...this.keys.keys()][0];
  }

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    return { keyId: this.currentKeyId, wrapped: seal(this.keys.get(this.currentKeyId)!, dataKey, this.currentKeyId) };
  }

  async unwrap({ keyId, wrapped }: WrappedKey): Promise<Buffer> {
    const key = this.keys.get(keyId);
    if (!key) throw new KeyConfigurationError(`key-encryption key ${keyId} is not in VAULT_KEYS: it was removed before every data key was re-wrapped`);
    return open(key, wrapped, keyId);
  }
}
