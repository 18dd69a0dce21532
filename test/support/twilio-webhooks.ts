import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import twilio from 'twilio';

export const PUBLIC_BASE_URL = 'https://petitio.example';
export const TWILIO_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

/** Stack settings for suites that play Twilio: the public URL webhooks are signed against and the token. */
export const TWILIO_WEBHOOK_ENV = {
  PUBLIC_BASE_URL,
  TWILIO_AUTH_TOKEN,
  TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
};

export const twilioSid = (prefix: 'SM' | 'CA' | 'RE') => `${prefix}${randomBytes(16).toString('hex')}`;

/** A Turkish mobile number of its own, so tests do not share rate limits or applications. */
export const turkishMobile = () => `+90532${String(randomInt(10_000_000)).padStart(7, '0')}`;
/** A US number of its own (answers in English). */
export const usNumber = () => `+1415555${String(randomInt(10_000)).padStart(4, '0')}`;

export interface SignOptions {
  /** Sign as if Twilio had called this path (default: the path posted to). */
  signedPath?: string;
  /** Params to sign instead of the ones sent (a tampered body). */
  signedParams?: Record<string, string>;
  /** Send no X-Twilio-Signature at all. */
  unsigned?: boolean;
  /** The public URL Twilio calls, when the stack runs with another PUBLIC_BASE_URL (e.g. under a path prefix). */
  publicBaseUrl?: string;
}

/** POSTs form-encoded params to a webhook path, signed with twilio's own code against the public base URL + path. */
export function twilioPost(apiUrl: string, path: string, params: Record<string, string>, options: SignOptions = {}) {
  const req = request(apiUrl).post(path).type('form').send(params);
  if (options.unsigned) return req;
  const signature = twilio.getExpectedTwilioSignature(
    TWILIO_AUTH_TOKEN,
    `${options.publicBaseUrl ?? PUBLIC_BASE_URL}${options.signedPath ?? path}`,
    options.signedParams ?? params,
  );
  return req.set('X-Twilio-Signature', signature);
}

/** The text of the <Message> in an SMS webhook's TwiML, or '' for an empty <Response/>. */
export function messageText(twiml: string): string {
  const match = /<Message>([\s\S]*)<\/Message>/.exec(twiml);
  return match ? unescapeXml(match[1]) : '';
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
