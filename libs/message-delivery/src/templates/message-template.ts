import type { ClockKind, EscalationStepKind } from '@petitio/sla';
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

export interface InvitationContext {
  setPasswordUrl: string;
  linkValidHours: number;
}

/** Wording per language; `en` is required because it is the fallback for languages without a translation. */
export type Localized<C> = { en: (context: C) => MessageTexts } & Partial<Record<string, (context: C) => MessageTexts>>;

export type MessageTemplateDefinition =
  | { audience: 'citizen'; texts: Localized<CitizenContext> }
  | { audience: 'staff_invitation'; texts: Localized<InvitationContext> }
  | { audience: 'staff_sign_in_locked'; texts: Localized<SignInLockedContext> }
  | { audience: 'staff_alert'; texts: Localized<StaffAlertContext> };

/** The recipient's language if the template has it (tr-TR counts as tr), else English. */
export function inLanguage<C>(texts: Localized<C>, language: string): { language: string; render: (context: C) => MessageTexts } {
  const base = language.toLowerCase().split(/[-_]/)[0];
  const render = texts[base];
  return render ? { language: base, render } : { language: 'en', render: texts.en };
}
