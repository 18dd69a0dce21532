import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with OWASP's minimum settings (19 MiB, 2 passes): strong, yet a login stays well under 100 ms. */
@Injectable()
export class PasswordHasher {
  private readonly options = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
  // Made at start, so that not even the first unknown address pays for it.
  private readonly dummy = this.hash('no password is this password');

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /**
   * Always exactly one argon2 verify: against a hash of nothing in particular when there is no user or no password
   * yet, so an unknown address, an invited account and a wrong password take the same time.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const against = hash ?? (await this.dummy);
    try {
      return (await argon2.verify(against, password)) && hash !== null;
    } catch {
      return false;
    }
  }
}
