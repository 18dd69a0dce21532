import { Inject, Injectable } from '@nestjs/common';
import { AttemptCounter, ENVIRONMENT, Environment, InvalidInputError, NotFoundError, TooManyRequestsError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { AccessCodes } from './access-code';
import { parseTrackingNumber } from '@petitio/applications';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Proves a citizen holds an application's tracking number and access code, for the status page
 * and for anything they do on it (reply, rate, appeal). An unknown number and a wrong code fail
 * alike, after the same work. Failures count per number and client, so a stranger's guesses never
 * lock the citizen out, and per number across all clients up to a much higher daily ceiling, so
 * guessing from many addresses stays hopeless.
 */
@Injectable()
export class CitizenProof {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessCodes: AccessCodes,
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /**
   * The application id, or a domain error: 400 (typo), 404 (no match), 429 (too many failures).
   * `client` is an opaque key for who is asking (a keyed hash of their address, never the address).
   */
  async verify(trackingNumberInput: string, accessCode: string, client: string): Promise<{ applicationId: string; trackingNumber: string }> {
    const trackingNumber = checkedTrackingNumber(trackingNumberInput);
    const clientKey = `lookup-failures:${trackingNumber}:${client}`;
    const numberKey = `lookup-failures-all:${trackingNumber}`;
    const [byClient, byNumber] = await Promise.all([this.attempts.peek(clientKey, HOUR), this.attempts.peek(numberKey, DAY)]);
    if (byClient.count >= this.env.STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR) throw new TooManyRequestsError(byClient.retryAfterSeconds);
    if (byNumber.count >= this.env.STATUS_LOOKUP_CEILING_PER_NUMBER_PER_DAY) throw new TooManyRequestsError(byNumber.retryAfterSeconds);
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM applications WHERE tracking_number = $1', [trackingNumber]);
    const codeMatches = this.accessCodes.matches(trackingNumber, accessCode);
    if (rows.length === 0 || !codeMatches) {
      await Promise.all([this.attempts.increment(clientKey, HOUR), this.attempts.increment(numberKey, DAY)]);
      throw new NotFoundError('APPLICATION_NOT_FOUND');
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
      ? { field: 'trackingNumber', code: 'check_digit' }
      : { field: 'trackingNumber', code: 'format', sentence: 'tracking_number_format' },
  ]);
}
