import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Standard Webhooks' secret form: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The webhook id a receiver deduplicates on: the same on every attempt and replay of one delivery. */
export function webhookId(deliveryId: string): string {
  return `msg_${deliveryId.replace(/-/g, '')}`;
}

/**
 * The three Standard Webhooks headers for one attempt, signed with the library's own signer. While a rotated-out
 * secret is in its overlap, both signatures go in one header (space-separated), so a receiver that has either
 * secret verifies the delivery.
 */
export function signedHeaders(secrets: string[], id: string, at: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
