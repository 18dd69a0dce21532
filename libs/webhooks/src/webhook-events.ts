import type { NewOutboxEvent } from '@petitio/platform';

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
/**
 * A delivery given a fresh round of attempts (replayed by staff, or resumed when its subscription is switched back
 * on); aggregate: the delivery, payload.nextAttemptAt its new round's first attempt.
 */
export const WEBHOOK_REPLAY_TOPIC = 'webhook.replay';

/** The outbox event that queues a delivery's fresh round. */
export function freshRoundEvent(delivery: { id: string; nextAttemptAt: Date }): NewOutboxEvent {
  return { topic: WEBHOOK_REPLAY_TOPIC, aggregateId: delivery.id, payload: { nextAttemptAt: delivery.nextAttemptAt.toISOString() } };
}

/** A delivery's body, as Standard Webhooks suggests it: the type, when it happened, and the data. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}
