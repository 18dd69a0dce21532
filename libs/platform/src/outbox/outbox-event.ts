/** A domain event waiting in PostgreSQL to be handed to its subscribers' queues. */
export interface OutboxEvent {
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface NewOutboxEvent {
  topic: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/** Topics published by the domain. Subscribers register against these names. */
export const OutboxTopic = {
  ApplicationReceived: 'application.received',
  ApplicationRouted: 'application.routed',
  MessageRequested: 'message.requested',
} as const;
