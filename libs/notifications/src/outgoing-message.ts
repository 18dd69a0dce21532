/** Channels Petitio can reach people on. `web` means: shown on the citizen's status page only. */
export const NOTIFICATION_CHANNELS = ['sms', 'email', 'web'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Templates are named contracts between the code that asks for a message and the channel
 * that renders it in the recipient's language. Params carry no secrets: links are rebuilt at delivery.
 */
export type MessageTemplate =
  | 'application_received'
  | 'information_requested'
  | 'application_answered'
  | 'application_transferred'
  | 'application_rejected'
  | 'staff_invitation'
  | 'staff_sign_in_locked'
  | 'staff_webhook_disabled'
  | 'deadline_extended'
  | 'deadline_breached'
  | 'interim_answer'
  | 'deadline_escalation';

interface MessageRequestCommon {
  channel: NotificationChannelName;
  template: MessageTemplate;
  language: string;
  params: Record<string, string | number | null>;
  applicationId?: string | null;
  staffUserId?: string | null;
}

/** To staff: the address is stored with the message. */
export interface AddressedMessageRequest extends MessageRequestCommon {
  /** E.164 phone for sms, address for email, null for web. */
  recipient: string | null;
}

/** To the citizen of an application: no contact is copied; delivery reads it from the identity vault when it sends. */
export interface CitizenMessageRequest extends MessageRequestCommon {
  toCitizen: true;
  applicationId: string;
}

export type OutgoingMessageRequest = AddressedMessageRequest | CitizenMessageRequest;
