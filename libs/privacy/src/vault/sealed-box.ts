import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The layout's version, first byte of every box, so a later layout can be read beside this one. */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * AES-256-GCM with a fresh 96-bit IV per box: version | iv | tag | ciphertext. `context` (for example the
 * record's id) is authenticated, not stored: a box copied onto another record no longer opens.
 */
export function seal(key: Buffer, plaintext: Buffer, context = ''): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

/** The plaintext, or an error when the box was altered, sealed with another key or for another context. */
export function open(key: Buffer, box: Buffer, context = ''): Buffer {
  if (box.length < 1 + IV_BYTES + TAG_BYTES || box[0] !== VERSION) throw new Error('not a sealed box this version can open');
  const iv = box.subarray(1, 1 + IV_BYTES);
  const tag = box.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(box.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}
