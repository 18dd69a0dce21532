/** What a subscription may listen to; each is a kind of history line (see the Webhooks migration's trigger). */
export const WEBHOOK_EVENT_TYPES = [
  'application.routed',
  'application.transferred',
  'citizen.replied',
  'deadline.warning',
  'deadline.breached',
  'application.answered',
  'application.closed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The outbox topic the trigger writes: one event per history line of a subscribed kind. */
export const WEBHOOK_OUTBOX_TOPIC = 'webhook.event';
/** A delivery staff asked to send again; aggregate: the delivery, payload.nextAttemptAt its new round's first attempt. */
export const WEBHOOK_REPLAY_TOPIC = 'webhook.replay';

/** A delivery's body, as Standard Webhooks suggests it: the type, when it happened, and the data. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}
