import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment, SignedTokens } from '@petitio/platform';
import { PermanentDeliveryError } from './delivery-errors';
import { RenderedMessage } from './channels/notification-channel';
import { NotificationChannelName } from './outgoing-message';
import { PASSWORD_LINK_PURPOSE } from './password-link';
import { fitSmsText } from './sms-segments';
import { automaticNotice, emailDocument } from './templates/email-layout';
import { MESSAGE_TEMPLATES } from './templates/message-templates';

/** Templates that carry the staff's own words: the answer, and a question the citizen must reply to. */
const WITH_STAFF_WORDS = new Set<string>(['application_answered', 'information_requested']);
import { CitizenContext, InvitationContext, MessageTexts, inLanguage } from './templates/message-template';

/** An outgoing_messages row as the delivery reads it. */
export interface StoredMessage {
  id: string;
  channel: NotificationChannelName;
  recipient: string | null;
  template: string;
  language: string;
  params: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns a stored message into words in the recipient's language. Links are built here, at delivery,
 * from ids in the params: nothing stored or queued is a working link by itself.
 */
@Injectable()
export class MessageRenderer {
  private readonly baseUrl: string;

  constructor(
    private readonly tokens: SignedTokens,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {
    this.baseUrl = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  render(message: StoredMessage): RenderedMessage {
    const definition = MESSAGE_TEMPLATES[message.template as keyof typeof MESSAGE_TEMPLATES];
    if (!definition) throw new PermanentDeliveryError(`unknown template ${message.template}`);
    let chosen: { language: string; texts: MessageTexts };
    if (definition.audience === 'citizen') {
      const { language, render } = inLanguage(definition.texts, message.language);
      chosen = { language, texts: render(this.citizenContext(message)) };
    } else {
      const { language, render } = inLanguage(definition.texts, message.language);
      chosen = { language, texts: render(this.invitationContext(message)) };
    }
    const { subject, text, html } = chosen.texts;
    return {
      id: message.id,
      channel: message.channel,
      recipient: message.recipient,
      language: chosen.language,
      subject,
      text: message.channel === 'email' ? `${text}\n\n-- \n${automaticNotice(chosen.language)}\n` : message.channel === 'sms' ? fitSmsText(text, this.env.SMS_TRANSLITERATE).text : text,
      html: emailDocument(chosen.language, subject, html),
    };
  }

  private citizenContext(message: StoredMessage): CitizenContext {
    const digits = String(message.params.trackingNumber ?? '').replace(/\D/g, '');
    if (digits.length !== 11) throw new PermanentDeliveryError(`template ${message.template} needs params.trackingNumber`);
    const trackingNumber = `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
    const body = WITH_STAFF_WORDS.has(message.template) && typeof message.params.body === 'string' ? message.params.body : undefined;
    return { trackingNumber, statusUrl: `${this.baseUrl}/api/v1/applications/${trackingNumber}/status`, body };
  }

  private invitationContext(message: StoredMessage): InvitationContext {
    const tokenId = message.params.passwordTokenId;
    if (typeof tokenId !== 'string' || !UUID.test(tokenId)) throw new PermanentDeliveryError('staff_invitation needs params.passwordTokenId');
    // In the fragment, so the token never reaches a server log or a Referer header.
    const token = this.tokens.sign(PASSWORD_LINK_PURPOSE, tokenId);
    return { setPasswordUrl: `${this.baseUrl}/staff/set-password#token=${token}`, linkValidHours: this.env.INVITATION_VALID_HOURS };
  }
}
