import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';

/**
 * Tokens made of a record id and an HMAC of it for one purpose (e.g. a set-password link).
 * Whoever holds the server secret can rebuild the token from the id, so the id can be stored
 * and queued in clear while nothing stored opens anything by itself.
 */
@Injectable()
export class SignedTokens {
  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {}

  sign(purpose: string, id: string): string {
    return `${id}.${this.mac(purpose, id)}`;
  }

  /** The id if the token is genuine for this purpose, else null. */
  verify(purpose: string, token: string): string | null {
    const [id, mac] = token.split('.');
    if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id)) return null;
    const expected = Buffer.from(this.mac(purpose, id));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
  }

  private mac(purpose: string, id: string): string {
    return createHmac('sha256', this.env.ACCESS_CODE_SECRET).update(`${purpose}:${id}`).digest('base64url');
  }
}
