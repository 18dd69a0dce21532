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
  /** The next escalation step of an SLA clock, to fire at payload.dueAt; aggregate: the clock. */
  SlaEscalationDue: 'sla.escalation_due',
  /** An admin changed an SLA policy and asked for open deadlines to follow; aggregate: the policy. */
  SlaPolicyChanged: 'sla.policy_changed',
} as const;
