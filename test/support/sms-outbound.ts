import { randomBytes, randomInt } from 'node:crypto';
import { actNow, submitCase } from './casework';
import { FakeTwilio } from './fake-twilio';
import { waitFor } from './ports';
import { TestStack } from './stack';
import { TestStaff } from './staff';

export const PUBLIC_BASE_URL = 'https://petitio.example';
export const TWILIO_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_AUTH_TOKEN = 'test-auth-token-0123456789';
export const TWILIO_FROM_NUMBER = '+905550000001';

/** Stack settings that send SMS through Twilio's SDK to the fake. */
export function twilioEnv(fake: FakeTwilio): Record<string, string> {
  return {
    PUBLIC_BASE_URL,
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_FROM_NUMBER,
    TWILIO_API_BASE_URL: fake.url,
    NOTIFY_BACKOFF_MS: '200',
    NOTIFY_ATTEMPTS: '5',
  };
}

/** A Turkish mobile number nobody else in the run uses: as typed by the citizen, and in E.164. */
export function newPhone(): { typed: string; e164: string } {
  const rest = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return { typed: `0532 ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`, e164: `+90532${rest}` };
}

export interface OutgoingSms {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  delivery_status: string | null;
  delivery_updated_at: Date | null;
}

/** An answer no other message carries, so the fake can tell it from the acknowledgement sent to the same number. */
export function newAnswer(): string {
  return `The water is back on since this morning (crew ${randomBytes(3).toString('hex')}).`;
}

/**
 * A web application with a phone and no email, claimed and answered by the officer: the answer is an SMS
 * (CitizenNotices picks sms when only a phone is given). Returns the answer's outgoing_messages id.
 */
export async function answerBySms(
  stack: TestStack,
  officer: TestStaff,
  phone: string,
  answer: string,
  options: { language?: string } = {},
): Promise<{ messageId: string; trackingNumber: string }> {
  const c = await submitCase(stack, { citizen: { name: 'Ayşe Yılmaz', phone }, language: options.language ?? 'en' });
  await actNow(stack, officer, c.id, 'claim').expect(200);
  await actNow(stack, officer, c.id, 'answers', { text: answer }).expect(201);
  const { rows } = await stack.db.query(`SELECT id FROM outgoing_messages WHERE application_id = $1 AND template = 'application_answered'`, [c.id]);
  return { messageId: rows[0].id, trackingNumber: c.trackingNumber };
}

export async function outgoingSms(stack: TestStack, id: string): Promise<OutgoingSms> {
  const { rows } = await stack.db.query(
    `SELECT id, status, attempts, last_error, provider_message_id, delivery_status, delivery_updated_at FROM outgoing_messages WHERE id = $1 AND channel = 'sms'`,
    [id],
  );
  return rows[0];
}

/** Waits until the message reaches `status`; a failed wait says what the processes logged. */
export function smsSettled(stack: TestStack, id: string, status: string, timeoutMs = 15_000): Promise<OutgoingSms> {
  return waitFor(
    async () => {
      const row = await outgoingSms(stack, id);
      return row?.status === status && row;
    },
    timeoutMs,
    `message ${id} to be ${status}`,
  ).catch(async (error) => {
    throw new Error(`${String(error)} (now ${JSON.stringify(await outgoingSms(stack, id))})\n${stack.logs()}`);
  });
}
