import { randomBytes } from 'node:crypto';
import { ConfiguredKeyEncryptionKeys, KeyConfigurationError } from './key-encryption-keys';
import { PhoneHash } from './phone-hash';
import { open, seal } from './sealed-box';

const keyText = () => randomBytes(32).toString('base64');

describe('sealed boxes (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('open what they sealed, and never show the plaintext', () => {
    const box = seal(key, Buffer.from('Ayşe Yılmaz +905321234567'), 'application-1');
    expect(box.toString('latin1')).not.toContain('Ay');
    expect(open(key, box, 'application-1').toString()).toBe('Ayşe Yılmaz +905321234567');
    expect(seal(key, Buffer.from('same'))).not.toEqual(seal(key, Buffer.from('same')));
  });

  it('refuse a box that was altered, moved to another record, or opened with another key', () => {
    const box = seal(key, Buffer.from('secret'), 'application-1');
    const altered = Buffer.from(box);
    altered[altered.length - 1] ^= 1;
    expect(() => open(key, altered, 'application-1')).toThrow();
    expect(() => open(key, box, 'application-2')).toThrow();
    expect(() => open(randomBytes(32), box, 'application-1')).toThrow();
    expect(() => open(key, Buffer.from('short'))).toThrow(/not a sealed box/);
  });
});

describe('key-encryption keys from configuration', () => {
  it('wrap with the first key and unwrap with any key still configured, so rotation needs no downtime', async () => {
    const setting = `k1:${keyText()}`;
    const old = new ConfiguredKeyEncryptionKeys(setting);
    const dataKey = randomBytes(32);
    const wrapped = await old.wrap(dataKey);
    expect(wrapped.keyId).toBe('k1');
    const rotated = new ConfiguredKeyEncryptionKeys(`k2:${keyText()},${setting}`);
    expect(rotated.currentKeyId).toBe('k2');
    expect(await rotated.unwrap(wrapped)).toEqual(dataKey);
    const rewrapped = await rotated.wrap(await rotated.unwrap(wrapped));
    expect(rewrapped.keyId).toBe('k2');
    expect(await rotated.unwrap(rewrapped)).toEqual(dataKey);
    await expect(new ConfiguredKeyEncryptionKeys(`k2:${keyText()}`).unwrap(wrapped)).rejects.toThrow(/k1 is not in VAULT_KEYS/);
  });

  it('refuse malformed, short or repeated keys', () => {
    expect(() => new ConfiguredKeyEncryptionKeys('k1:short')).toThrow(KeyConfigurationError);
    expect(() => new ConfiguredKeyEncryptionKeys('nokey')).toThrow(KeyConfigurationError);
    const k = keyText();
    expect(() => new ConfiguredKeyEncryptionKeys(`k1:${k},k1:${k}`)).toThrow(/twice/);
  });
});

describe('keyed phone hashes', () => {
  it('are the same for the same number and secret, differ by secret, and do not contain the number', () => {
    const a = new PhoneHash('a'.repeat(32));
    expect(a.textOf('+905321234567')).toBe(a.textOf('+905321234567'));
    expect(a.textOf('+905321234567')).not.toBe(a.textOf('+905321234568'));
    expect(new PhoneHash('b'.repeat(32)).textOf('+905321234567')).not.toBe(a.textOf('+905321234567'));
    expect(a.textOf('+905321234567')).not.toContain('5321234567');
    expect(a.of('+905321234567')).toHaveLength(32);
  });
});
