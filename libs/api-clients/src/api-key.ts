import { createHash, randomBytes } from 'node:crypto';

/** Every key starts so, which tells a leaked key apart in logs and secret scanners. */
export const API_KEY_PREFIX = 'ptk_';
const API_KEY = /^ptk_[A-Za-z0-9_-]{43}$/;

/** A new key: 256 random bits, URL-safe. Shown once; only its hash is kept. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a key. A fast hash is enough: the key is random, not a password anyone chose. */
export function apiKeyHash(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function looksLikeApiKey(value: string): boolean {
  return API_KEY.test(value);
}

/** What an admin sees of a key once it is issued: its last four characters. */
export function apiKeyHint(key: string): string {
  return key.slice(-4);
}
