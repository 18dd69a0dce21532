import { Inject, Injectable } from '@nestjs/common';
import { AttemptCounter, ENVIRONMENT, Environment, InvalidInputError, NotFoundError, TooManyRequestsError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { AccessCodes } from './access-code';
import { parseTrackingNumber } from './tracking-number';

const HOUR = 3600;

/**
 * Proves a citizen holds an application's tracking number and access code, for the status page
 * and for anything they do on it (reply, rate, appeal). An unknown number and a wrong code fail
 * alike, after the same work, and both count towards the per-number limit that stops code guessing.
 */
@Injectable()
export class CitizenProof {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessCodes: AccessCodes,
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** The application id, or a domain error: 400 (typo), 404 (no match), 429 (too many failures). */
  async verify(trackingNumberInput: string, accessCode: string): Promise<{ applicationId: string; trackingNumber: string }> {
    const trackingNumber = checkedTrackingNumber(trackingNumberInput);
    const limitKey = `lookup-failures:${trackingNumber}`;
    const failures = await this.attempts.peek(limitKey, HOUR);
    if (failures.count >= this.env.STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR) throw new TooManyRequestsError(failures.retryAfterSeconds);
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM applications WHERE tracking_number = $1', [trackingNumber]);
    const codeMatches = this.accessCodes.matches(trackingNumber, accessCode);
    if (rows.length === 0 || !codeMatches) {
      await this.attempts.increment(limitKey, HOUR);
      throw new NotFoundError('APPLICATION_NOT_FOUND', 'no application matches this tracking number and access code');
    }
    return { applicationId: rows[0].id, trackingNumber };
  }
}

/** The tracking number's 11 digits, or InvalidInputError saying what is wrong with what was typed, before any lookup. */
export function checkedTrackingNumber(input: string): string {
  const parsed = parseTrackingNumber(input);
  if (parsed.ok) return parsed.value;
  throw new InvalidInputError([
    parsed.reason === 'check_digit'
      ? { field: 'trackingNumber', code: 'check_digit', message: 'this tracking number has a typing mistake: please check the digits' }
      : { field: 'trackingNumber', code: 'format', message: 'a tracking number has 11 digits, like 4827-3915-602' },
  ]);
}
