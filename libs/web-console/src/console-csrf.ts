import { Injectable } from '@nestjs/common';
import { SignedTokens } from '@petitio/platform';

/** The hidden field every console form carries. */
export const CSRF_FIELD = '_csrf';
const PURPOSE = 'staff-console-form';

/**
 * A form token per session: an HMAC of the session id, so it needs no storage, dies with the session,
 * and a page of one session cannot be replayed in another.
 */
@Injectable()
export class ConsoleCsrf {
  constructor(private readonly signed: SignedTokens) {}

  tokenFor(sessionId: string): string {
    return this.signed.sign(PURPOSE, sessionId);
  }

  isValid(sessionId: string, token: unknown): boolean {
    return typeof token === 'string' && this.signed.verify(PURPOSE, token) === sessionId;
  }
}
