/**
 * What TWILIO_FROM_NUMBER names: a phone number in E.164 (long code or toll-free), an alphanumeric
 * sender ID (one-way: nobody can answer it), or a Twilio Messaging Service that picks the sender
 * from its pool.
 */
export type SmsSenderKind = 'phone_number' | 'alphanumeric' | 'messaging_service';

export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;
/** 1–11 of A–Z, a–z, 0–9 and space, at least one letter (all digits would read as a number). */
export const ALPHANUMERIC_SENDER_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
export const MESSAGING_SERVICE_SID_PATTERN = /^MG[0-9a-fA-F]{32}$/;

/** The kind of sender a valid TWILIO_FROM_NUMBER is, or undefined for anything else (including ''). */
export function smsSenderKind(value: string): SmsSenderKind | undefined {
  if (E164_PATTERN.test(value)) return 'phone_number';
  if (MESSAGING_SERVICE_SID_PATTERN.test(value)) return 'messaging_service';
  if (ALPHANUMERIC_SENDER_PATTERN.test(value)) return 'alphanumeric';
  return undefined;
}

/**
 * The number a citizen can text: the sender itself when it is a phone number, else TWILIO_REPLY_NUMBER, else ''
 * (an alphanumeric sender ID cannot be answered, and a Messaging Service may send from one).
 */
export function smsNumberToText(env: { TWILIO_FROM_NUMBER: string; TWILIO_REPLY_NUMBER: string }): string {
  return smsSenderKind(env.TWILIO_FROM_NUMBER) === 'phone_number' ? env.TWILIO_FROM_NUMBER : env.TWILIO_REPLY_NUMBER;
}
