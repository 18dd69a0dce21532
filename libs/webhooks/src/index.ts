/**
 * @petitio/webhooks: signed outbound webhooks (Standard Webhooks). Subscriptions per agency or for the center,
 * the fan-out of history lines into deliveries, signed attempts with retries, replay and the switch-off of a
 * receiver that keeps failing. See docs/architecture.md.
 */
export * from './webhook-events';
export * from './webhook-signing';
export * from './webhook-subscriptions';
export * from './webhook-fan-out';
export * from './webhook-deliveries';
export * from './webhooks.module';
