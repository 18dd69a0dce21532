import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';

export const ACCESS_CODE_LENGTH = 8;

/**
 * The secret a citizen needs, with the tracking number, to see an application.
 * It is derived (HMAC of the tracking number under a server secret) rather than stored,
 * so the database never holds it and a retried submission can hand back the same code.
 * Rotating ACCESS_CODE_SECRET invalidates every code issued before.
 */
@Injectable()
export class AccessCodes {
  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {}

  issue(trackingNumber: string): string {
    const mac = createHmac('sha256', this.env.ACCESS_CODE_SECRET).update(`access-code:${trackingNumber}`).digest();
    const n = mac.readBigUInt64BE(0) % 10n ** BigInt(ACCESS_CODE_LENGTH);
    return n.toString().padStart(ACCESS_CODE_LENGTH, '0');
  }

  matches(trackingNumber: string, candidate: string): boolean {
    const expected = Buffer.from(this.issue(trackingNumber));
    const given = Buffer.from(candidate.replace(/[\s-]/g, '').padEnd(ACCESS_CODE_LENGTH, ' ').slice(0, 32));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
