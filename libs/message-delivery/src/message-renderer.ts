import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment, SignedTokens, isUuid } from '@petitio/platform';
import { PermanentDeliveryError } from './delivery-errors';
import { RenderedMessage } from './channels/notification-channel';
import { NotificationChannelName } from '@petitio/notifications';
import { PASSWORD_LINK_PURPOSE } from './password-link';
import { SmsReplyRoute, smsReplyRoute } from './sms-reply-route';
import { fitSmsText } from './sms-segments';
import { smsLetters } from './sms-without-marks';
import { automaticNotice, emailDocument } from './templates/email-layout';
import { MESSAGE_TEMPLATES } from './templates/message-templates';
import type { ClockKind, EscalationStepKind } from '@petitio/sla';
import {
  CitizenContext,
  InvitationContext,
  MessageTemplateDefinition,
  MessageTexts,
  SignInLockedContext,
  WebhookDisabledContext,
  StaffAlertContext,
  inLanguage,
} from './templates/message-template';

/** Templates that carry the staff's own words: the answer, a question to reply to, a progress update, an extension's reason. */
const WITH_STAFF_WORDS = new Set<string>(['application_answered', 'information_requested', 'interim_answer', 'deadline_extended']);
/** Citizen templates that say a date, which params.deadline must give. */
const WITH_DEADLINE = new Set<string>(['deadline_extended', 'deadline_breached']);

// Checked at run time against stored params. Only types come from @petitio/sla, whose module graph reaches back here.
const CLOCK_KINDS = ['first_response', 'answer', 'information'] as const satisfies readonly ClockKind[];
const ESCALATION_STEP_KINDS = ['warning', 'breach', 're_escalation'] as const satisfies readonly EscalationStepKind[];

/** An outgoing_messages row as the delivery reads it. */
export interface StoredMessage {
  id: string;
  channel: NotificationChannelName;
  recipient: string | null;
  template: string;
  language: string;
  params: Record<string, unknown>;
  /** When the message was asked for: an alert says how late a deadline was then, not at a later retry. */
  createdAt?: Date;
}

/**
 * Turns a stored message into words in the recipient's language. Links are built here, at delivery,
 * from ids in the params: nothing stored or queued is a working link by itself.
 */
@Injectable()
export class MessageRenderer {
  private readonly baseUrl: string;
  private readonly smsReplyBy: SmsReplyRoute;

  constructor(
    private readonly tokens: SignedTokens,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {
    this.baseUrl = env.PUBLIC_BASE_URL;
    this.smsReplyBy = smsReplyRoute(env);
  }

  render(message: StoredMessage): RenderedMessage {
    const definition = MESSAGE_TEMPLATES[message.template as keyof typeof MESSAGE_TEMPLATES];
    if (!definition) throw new PermanentDeliveryError(`unknown template ${message.template}`);
    const chosen = this.textsOf(definition, message);
    const { subject, text, html } = chosen.texts;
    return {
      id: message.id,
      channel: message.channel,
      recipient: message.recipient,
      language: chosen.language,
      subject,
      text:
        message.channel === 'email'
          ? `${text}\n\n-- \n${automaticNotice(chosen.language)}\n`
          : message.channel === 'sms'
            ? fitSmsText(text, smsLetters(this.env.SMS_TRANSLITERATE, chosen.language)).text
            : text,
      html: emailDocument(chosen.language, subject, html),
    };
  }

  private textsOf(definition: MessageTemplateDefinition, message: StoredMessage): { language: string; texts: MessageTexts } {
    switch (definition.audience) {
      case 'citizen': {
        const { language, render } = inLanguage(definition.texts, message.language);
        return { language, texts: render(this.citizenContext(message, language)) };
      }
      case 'staff_alert': {
        const { language, render } = inLanguage(definition.texts, message.language);
        return { language, texts: render(this.staffAlertContext(message, language)) };
      }
      case 'staff_invitation': {
        const { language, render } = inLanguage(definition.texts, message.language);
        return { language, texts: render(this.invitationContext(message)) };
      }
      case 'staff_sign_in_locked': {
        const { language, render } = inLanguage(definition.texts, message.language);
        return { language, texts: render(this.signInLockedContext(message, language)) };
      }
      case 'staff_webhook_disabled': {
        const { language, render } = inLanguage(definition.texts, message.language);
        return { language, texts: render(this.webhookDisabledContext(message)) };
      }
    }
  }

  private citizenContext(message: StoredMessage, language: string): CitizenContext {
    const trackingNumber = trackingNumberOf(message);
    const body = WITH_STAFF_WORDS.has(message.template) && typeof message.params.body === 'string' ? message.params.body : undefined;
    // The portal's status page in the message's language, the number filled in, the access code asked for there:
    // a phone's browser can open it, and the digits without dashes keep the SMS short.
    const statusUrl = `${this.baseUrl}/${language}/status/${trackingNumber.replace(/-/g, '')}`;
    // Emails come from a no-reply address: only SMS can be answered, and only as the sender allows.
    const replyBy: SmsReplyRoute = message.channel === 'sms' ? this.smsReplyBy : { kind: 'status_page' };
    const context: CitizenContext = { trackingNumber, statusUrl, body, replyBy };
    if (WITH_DEADLINE.has(message.template)) context.deadline = this.formatDate(deadlineOf(message), language, false);
    return context;
  }

  /** Picks each field it shows from the params by name, so nothing else the caller put there can reach staff inboxes. */
  private staffAlertContext(message: StoredMessage, language: string): StaffAlertContext {
    const { applicationId, clockKind, stepKind, level, share } = message.params;
    if (typeof applicationId !== 'string' || !isUuid(applicationId))
      throw new PermanentDeliveryError(`template ${message.template} needs params.applicationId`);
    if (!isOneOf(CLOCK_KINDS, clockKind) || !isOneOf(ESCALATION_STEP_KINDS, stepKind)) {
      throw new PermanentDeliveryError(`template ${message.template} needs params.clockKind and params.stepKind`);
    }
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) throw new PermanentDeliveryError(`template ${message.template} needs params.level`);
    const deadline = deadlineOf(message);
    return {
      trackingNumber: trackingNumberOf(message),
      consoleUrl: `${this.baseUrl}/staff/applications/${applicationId}`,
      clockKind,
      stepKind,
      level,
      share: typeof share === 'number' && stepKind === 'warning' ? new Intl.NumberFormat(language, { style: 'percent' }).format(share) : undefined,
      deadline: this.formatDate(deadline, language, true),
      overdue: stepKind === 're_escalation' ? overdueBy(deadline, message.createdAt, language) : undefined,
    };
  }

  private formatDate(at: Date, language: string, withTime: boolean): string {
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(language, { ...options, timeZone: this.env.CALENDAR_TIME_ZONE }).format(at);
  }

  private invitationContext(message: StoredMessage): InvitationContext {
    const tokenId = message.params.passwordTokenId;
    if (typeof tokenId !== 'string' || !isUuid(tokenId)) throw new PermanentDeliveryError('staff_invitation needs params.passwordTokenId');
    // In the query, since the console page must read it; that page sends no Referer and is never cached.
    const token = this.tokens.sign(PASSWORD_LINK_PURPOSE, tokenId);
    return { setPasswordUrl: `${this.baseUrl}/staff/set-password?token=${token}`, linkValidHours: this.env.INVITATION_VALID_HOURS };
  }

  /** Picks its fields by name; the host was cut from the subscription's URL, which may carry a token in its path. */
  private webhookDisabledContext(message: StoredMessage): WebhookDisabledContext {
    const { subscriptionId, host, attempts } = message.params;
    if (typeof subscriptionId !== 'string' || !isUuid(subscriptionId))
      throw new PermanentDeliveryError(`template ${message.template} needs params.subscriptionId`);
    if (typeof host !== 'string' || !/^[\w.:[\]-]{1,300}$/.test(host)) throw new PermanentDeliveryError(`template ${message.template} needs params.host`);
    if (typeof attempts !== 'number' || !Number.isInteger(attempts)) throw new PermanentDeliveryError(`template ${message.template} needs params.attempts`);
    return { host, attempts, subscriptionUrl: `${this.baseUrl}/api/v1/staff/webhooks/${subscriptionId}/deliveries` };
  }

  /** Picks its fields by name: the stored hint is already cut to a network (see clientAddressHint in @petitio/platform). */
  private signInLockedContext(message: StoredMessage, language: string): SignInLockedContext {
    const { failures, from, lockedAt } = message.params;
    if (typeof failures !== 'number' || !Number.isInteger(failures) || failures < 1)
      throw new PermanentDeliveryError(`template ${message.template} needs params.failures`);
    if (typeof from !== 'string' || !/^[0-9a-fA-F.:x/]{1,50}$/.test(from)) throw new PermanentDeliveryError(`template ${message.template} needs params.from`);
    const at = typeof lockedAt === 'string' ? new Date(lockedAt) : undefined;
    if (!at || Number.isNaN(at.getTime())) throw new PermanentDeliveryError(`template ${message.template} needs params.lockedAt`);
    return { failures, from, at: this.formatDate(at, language, true), signInUrl: `${this.baseUrl}/staff/sign-in` };
  }
}

function trackingNumberOf(message: StoredMessage): string {
  const digits = String(message.params.trackingNumber ?? '').replace(/\D/g, '');
  if (digits.length !== 11) throw new PermanentDeliveryError(`template ${message.template} needs params.trackingNumber`);
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

function deadlineOf(message: StoredMessage): Date {
  const at = typeof message.params.deadline === 'string' ? new Date(message.params.deadline) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new PermanentDeliveryError(`template ${message.template} needs params.deadline`);
  return at;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** How long past the deadline `at` was, in whole days (whole hours under a day); nothing when not past it or not known. */
function overdueBy(deadline: Date, at: Date | undefined, language: string): string | undefined {
  if (!at) return undefined;
  const hours = Math.floor((new Date(at).getTime() - deadline.getTime()) / 3_600_000);
  if (hours < 1) return undefined;
  const [amount, unit] = hours >= 24 ? [Math.floor(hours / 24), 'day'] : [hours, 'hour'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}
