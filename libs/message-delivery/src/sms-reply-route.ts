import { Environment, smsSenderKind } from '@petitio/platform';

/**
 * How a citizen can answer a message by SMS. Only a phone-number sender takes replies to the message
 * itself; an alphanumeric sender ID cannot be answered at all, and a Messaging Service may send from
 * such an ID, so with those a reply goes to TWILIO_REPLY_NUMBER if there is one, or to the status page.
 */
export type SmsReplyRoute = { kind: 'this_message' } | { kind: 'number'; number: string } | { kind: 'status_page' };

export function smsReplyRoute(env: Pick<Environment, 'TWILIO_FROM_NUMBER' | 'TWILIO_REPLY_NUMBER'>): SmsReplyRoute {
  if (smsSenderKind(env.TWILIO_FROM_NUMBER) === 'phone_number') return { kind: 'this_message' };
  if (env.TWILIO_REPLY_NUMBER) return { kind: 'number', number: env.TWILIO_REPLY_NUMBER };
  return { kind: 'status_page' };
}
