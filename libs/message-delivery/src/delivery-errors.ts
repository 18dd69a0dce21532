/**
 * How a channel tells the delivery what went wrong. The delivery retries only what may work later;
 * anything a channel throws that is neither counts as transient (a bug or an outage, not the message's fault).
 */

/** Retrying would get the same answer: invalid address, SMTP 5xx, no provider for the channel. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** May work on a later attempt: connection refused, timeout, SMTP 4xx (greylisting, mailbox busy). */
export class TransientDeliveryError extends Error {
  override readonly name = 'TransientDeliveryError';
}

/** The provider says the recipient opted out (Twilio 21610): permanent, and remembered so nothing more is tried. */
export class RecipientOptedOutError extends PermanentDeliveryError {}
