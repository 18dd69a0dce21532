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

export interface OutgoingMessageRequest {
  channel: NotificationChannelName;
  /** E.164 phone for sms, address for email, null for web. */
  recipient: string | null;
  template: MessageTemplate;
  language: string;
  params: Record<string, string | number | null>;
  applicationId?: string | null;
  staffUserId?: string | null;
}
