import { Environment, smsNumberToText, smsSenderKind } from '@petitio/platform';

/**
 * How a citizen can answer a message by SMS: to the message itself when it came from a phone number, else by
 * texting TWILIO_REPLY_NUMBER, else (nobody can answer the sender) on the status page.
 */
export type SmsReplyRoute = { kind: 'this_message' } | { kind: 'number'; number: string } | { kind: 'status_page' };

export function smsReplyRoute(env: Pick<Environment, 'TWILIO_FROM_NUMBER' | 'TWILIO_REPLY_NUMBER'>): SmsReplyRoute {
  if (smsSenderKind(env.TWILIO_FROM_NUMBER) === 'phone_number') return { kind: 'this_message' };
  const number = smsNumberToText(env);
  return number ? { kind: 'number', number } : { kind: 'status_page' };
}
