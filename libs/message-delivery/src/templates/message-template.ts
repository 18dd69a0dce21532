import type { ClockKind, EscalationStepKind } from '@petitio/sla';
import { catalogs, EmailCatalog, SOURCE_LANGUAGE } from '@petitio/i18n';
import { SafeHtml } from '@petitio/platform';
import type { SmsReplyRoute } from '../sms-reply-route';

/** What one template says in one language: the HTML is the inner body; the layout wraps it. */
export interface MessageTexts {
  subject: string;
  text: string;
  html: SafeHtml;
}

/** What a citizen message may show: the tracking number and the status link, and the answer when it is the answer. */
export interface CitizenContext {
  /** Formatted 4-4-3, e.g. 4827-3915-602. */
  trackingNumber: string;
  statusUrl: string;
  /** Only templates carrying the staff's words show it (params.body): the answer, a question, a progress update, an extension's reason. */
  body?: string;
  /** A deadline (params.deadline) as a date in the recipient's language and the calendar's time zone. */
  deadline?: string;
  /** Where an answer to this message can go: by SMS per the sender, by email only through the status page. */
  replyBy: SmsReplyRoute;
}

/** What a deadline alert to staff may show: which application and deadline, never its subject, text or citizen. */
export interface StaffAlertContext {
  trackingNumber: string;
  /** The application in the staff console. */
  consoleUrl: string;
  clockKind: ClockKind;
  stepKind: EscalationStepKind;
  /** Rung of the escalation ladder this alert comes from, 1 = the assigned officer. */
  level: number;
  /** For a warning: the share of the time used, formatted (75%). */
  share?: string;
  /** Date and time, in the recipient's language and the calendar's time zone. */
  deadline: string;
  /** For a re-escalation: how long past the deadline it was when the alert was made (5 days). */
  overdue?: string;
}

/** What a lockout notice may show: how many failures, the address cut to its network, and when. */
export interface SignInLockedContext {
  failures: number;
  /** The client address with its last part hidden (203.0.113.x, 2001:db8:1::/48). */
  from: string;
  /** Date and time of the lock, in the recipient's language and the calendar's time zone. */
  at: string;
  signInUrl: string;
}

/** What the notice of a switched-off webhook shows: the receiver's host, how often it was tried, where to turn it on. */
export interface WebhookDisabledContext {
  host: string;
  attempts: number;
  subscriptionUrl: string;
}

export interface InvitationContext {
  setPasswordUrl: string;
  linkValidHours: number;
}

/** What a template says, in the words of the `email` catalog of the language it is rendered in. */
export type Localized<C> = (words: EmailCatalog, context: C) => MessageTexts;

export type MessageTemplateDefinition =
  | { audience: 'citizen'; texts: Localized<CitizenContext> }
  | { audience: 'staff_invitation'; texts: Localized<InvitationContext> }
  | { audience: 'staff_sign_in_locked'; texts: Localized<SignInLockedContext> }
  | { audience: 'staff_webhook_disabled'; texts: Localized<WebhookDisabledContext> }
  | { audience: 'staff_alert'; texts: Localized<StaffAlertContext> };

/** The recipient's language if the catalogs have its emails (tr-TR counts as tr), else English. */
export function inLanguage<C>(texts: Localized<C>, language: string): { language: string; render: (context: C) => MessageTexts } {
  const chosen = emailLanguage(language);
  const words = catalogs.texts('email', chosen);
  return { language: chosen, render: (context) => texts(words, context) };
}

let translated: string[] | undefined;

/**
 * The language whose `email` catalog a message to a reader of `language` is written from: the catalog of that
 * very tag (pt-BR), else of its language (tr-TR reads tr), else the source's.
 */
export function emailLanguage(language: string): string {
  translated ??= catalogs.languagesWith('email');
  const tag = language.toLowerCase().replace(/_/g, '-');
  const base = tag.split('-')[0];
  return translated.find((l) => l.toLowerCase() === tag) ?? translated.find((l) => l.toLowerCase() === base) ?? SOURCE_LANGUAGE;
}
