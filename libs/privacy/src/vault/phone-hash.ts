import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a phone number (HMAC-SHA256 with `PHONE_HASH_SECRET`), for finding a caller's applications and
 * counting an SMS sender's messages without storing the number. Unkeyed, a hash of a phone number is no protection:
 * every number of a country can be hashed in minutes.
 */
export class PhoneHash {
  constructor(private readonly secret: string) {}

  /** Of a number in E.164 (`+905321234567`); other spellings of the same number must be normalised first. */
  of(e164: string): Buffer {
    return createHmac('sha256', this.secret).update(`phone:${e164}`).digest();
  }

  /** The same hash as text, for keys and logs. */
  textOf(e164: string): string {
    return this.of(e164).toString('base64url');
  }
}
