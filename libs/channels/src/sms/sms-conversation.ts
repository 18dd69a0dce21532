import { Inject, Injectable, Logger } from '@nestjs/common';
import { AttemptCounter, Clock, ENVIRONMENT, Environment, InvalidInputError } from '@petitio/platform';
import { AccessCodes } from '@petitio/intake';
import { CitizenReplies, REPLY_MAX } from '@petitio/casework';
import { IntakeService } from '@petitio/intake';
import { BODY_MAX } from '@petitio/intake';
import { toE164 } from '@petitio/applications';
import { PhoneHash } from '@petitio/privacy';
import { formatTrackingNumber, parseTrackingNumber } from '@petitio/applications';
import { PhoneLanguage, languageOfNumber, smsLanguages } from './citizen-language';
import { EarlierDelivery, InboundMessages } from './inbound-messages';
import { PhoneApplications } from './phone-applications';
import { SmsOptOuts } from './sms-opt-outs';
import { SmsCommand, parseSmsCommand } from './sms-keywords';
import { SmsWording, smsWordingIn } from './sms-wording';
import { TopicGuess } from './topic-guess';

export interface InboundSms {
  messageSid: string;
  from: string;
  body: string;
}

/** What to answer a text with ('' to stay silent), and the language it is written in. */
export interface SmsReply {
  text: string;
  language: PhoneLanguage;
}

const FLOOD_WINDOW_SECONDS = 600;
const STATUS_LIST_LENGTH = 3;

/**
 * A citizen's conversation by SMS: each text is a keyword (HELP, STATUS, STOP, START, in Turkish
 * too), a reply to an application that waits for them, or a new application. Returns the text
 * to answer with, or '' to stay silent, and its language.
 */
@Injectable()
export class SmsConversation {
  private readonly logger = new Logger(SmsConversation.name);

  constructor(
    private readonly inbound: InboundMessages,
    private readonly attempts: AttemptCounter,
    private readonly intake: IntakeService,
    private readonly replies: CitizenReplies,
    private readonly applications: PhoneApplications,
    private readonly optOuts: SmsOptOuts,
    private readonly topics: TopicGuess,
    private readonly accessCodes: AccessCodes,
    private readonly clock: Clock,
    private readonly phoneHash: PhoneHash,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async receive(sms: InboundSms): Promise<SmsReply> {
    const earlier = await this.inbound.claim(sms.messageSid, 'sms', this.clock.now());
    // A redelivery gets the first answer again, whatever the limits say now. One whose first delivery
    // never answered (a crash) is handled again: intake is idempotent on the MessageSid.
    if (earlier && earlier.outcome !== 'processing') return this.repeat(earlier, sms);

    const phone = toE164(sms.from, this.env.DEFAULT_COUNTRY);
    if (!phone) {
      this.logger.warn({ msg: 'inbound SMS from a number that is not a valid phone number: not handled', sid: sms.messageSid });
      await this.inbound.settle(sms.messageSid, 'invalid_sender', '');
      return { text: '', language: smsLanguages()[0] };
    }
    const command = parseSmsCommand(sms.body ?? '');
    const language = command.language ?? languageOfNumber(phone, this.env.DEFAULT_COUNTRY, smsLanguages());
    const wording = smsWordingIn(language);

    // The first delivery was counted; a crashed one handled again is the same text, not one more.
    if (!earlier) {
      const flood = await this.attempts.increment(`sms-inbound:${this.phoneHash.textOf(phone)}`, FLOOD_WINDOW_SECONDS);
      const limit = this.env.SMS_INBOUND_LIMIT_PER_10_MIN;
      if (flood.count > limit) {
        // One polite answer when the limit is crossed, then silence: answering a flood would pay for it twice.
        const reply = flood.count === limit + 1 ? wording.tooManyMessages : '';
        await this.inbound.settle(sms.messageSid, 'rate_limited', reply);
        return { text: reply, language };
      }
    }

    const { outcome, reply, applicationId } = await this.answer(command, phone, wording, language, sms.messageSid);
    // A receipt carries the access code, which is never stored: a redelivery rebuilds the receipt.
    await this.inbound.settle(sms.messageSid, outcome, outcome === 'application_created' ? null : reply, applicationId ?? null);
    this.logger.log({ msg: 'inbound SMS handled', sid: sms.messageSid, outcome });
    if (outcome === 'application_created' && earlier && !this.withinRetryWindow(earlier)) {
      return { text: wording.receivedBefore(formatTrackingNumber(await this.applications.trackingNumberOf(applicationId!))), language };
    }
    return { text: reply, language };
  }

  /**
   * The first answer to a delivery seen before. A receipt is rebuilt from its application; past the
   * provider's retry window it leaves the access code out, since only a captured request replayed
   * by someone else arrives that late (the provider's signature carries no time).
   */
  private async repeat(earlier: EarlierDelivery, sms: InboundSms): Promise<SmsReply> {
    const phone = toE164(sms.from, this.env.DEFAULT_COUNTRY) ?? '';
    const language = parseSmsCommand(sms.body ?? '').language ?? languageOfNumber(phone, this.env.DEFAULT_COUNTRY, smsLanguages());
    if (earlier.outcome !== 'application_created' || !earlier.applicationId) return { text: earlier.reply ?? '', language };
    const wording = smsWordingIn(language);
    const trackingNumber = await this.applications.trackingNumberOf(earlier.applicationId);
    const formatted = formatTrackingNumber(trackingNumber);
    const text = this.withinRetryWindow(earlier) ? wording.received(formatted, this.accessCodes.issue(trackingNumber)) : wording.receivedBefore(formatted);
    return { text, language };
  }

  private withinRetryWindow(earlier: EarlierDelivery): boolean {
    return earlier.ageSeconds <= this.env.WEBHOOK_RETRY_WINDOW_SECONDS;
  }

  private async answer(
    command: SmsCommand,
    phone: string,
    wording: SmsWording,
    language: PhoneLanguage,
    messageSid: string,
  ): Promise<{ outcome: string; reply: string; applicationId?: string }> {
    switch (command.kind) {
      case 'empty':
        return { outcome: 'empty', reply: wording.empty };
      case 'help':
        return { outcome: 'help', reply: wording.help };
      case 'stop':
        await this.optOuts.optOut(phone, this.clock.now());
        return { outcome: 'opted_out', reply: wording.optedOut };
      case 'start':
        await this.optOuts.optIn(phone);
        return { outcome: 'opted_in', reply: wording.optedIn };
      case 'status':
        return { outcome: 'status', reply: await this.status(command.trackingNumber, phone, wording, language) };
      case 'text':
        return this.freeText(command.text, phone, wording, language, messageSid);
    }
  }

  private async status(input: string, phone: string, wording: SmsWording, language: PhoneLanguage): Promise<string> {
    if (!input) {
      const recent = await this.applications.recent(phone, language, STATUS_LIST_LENGTH);
      if (!recent.length) return wording.noApplications;
      return wording.statusList(recent.map((a) => wording.status(formatTrackingNumber(a.trackingNumber), a.status, a.agency)));
    }
    const parsed = parseTrackingNumber(input);
    if (!parsed.ok) return parsed.reason === 'check_digit' ? wording.checkDigits : wording.trackingFormat;
    const found = await this.applications.statusOf(parsed.value, phone, language);
    return found ? wording.status(formatTrackingNumber(found.trackingNumber), found.status, found.agency) : wording.notFound;
  }

  /** Free text answers the question an agency asked this number, or else starts a new application. */
  private async freeText(
    text: string,
    phone: string,
    wording: SmsWording,
    language: PhoneLanguage,
    messageSid: string,
  ): Promise<{ outcome: string; reply: string; applicationId?: string }> {
    // A redelivery of a reply that was attached before a crash: answer as the first time, attach nothing.
    const attached = await this.replies.attachedTo(messageSid);
    if (attached) {
      return { outcome: 'citizen_reply', reply: wording.replyAttached(formatTrackingNumber(attached.trackingNumber)), applicationId: attached.applicationId };
    }
    const waiting = await this.applications.newestAwaitingReply(phone);
    if (waiting) {
      if (text.length > REPLY_MAX) return { outcome: 'too_long', reply: wording.tooLong(REPLY_MAX) };
      await this.replies.receive({ applicationId: waiting.id, text, channel: 'sms', providerRef: messageSid });
      return { outcome: 'citizen_reply', reply: wording.replyAttached(formatTrackingNumber(waiting.trackingNumber)), applicationId: waiting.id };
    }
    if (text.length > BODY_MAX) return { outcome: 'too_long', reply: wording.tooLong(BODY_MAX) };
    try {
      const receipt = await this.intake.submit(
        {
          type: 'complaint',
          topicCode: await this.topics.guess(text, language),
          body: text,
          channel: 'sms',
          language,
          citizen: { phone },
          submittedBy: { type: 'citizen' },
        },
        `sms:${messageSid}`,
      );
      const trackingNumber = formatTrackingNumber(receipt.trackingNumber);
      return { outcome: 'application_created', reply: wording.received(trackingNumber, receipt.accessCode), applicationId: receipt.applicationId };
    } catch (error) {
      if (error instanceof InvalidInputError) {
        this.logger.warn({ msg: 'inbound SMS refused by intake', sid: messageSid, fields: error.problems.map((p) => p.field) });
        return { outcome: 'refused', reply: wording.help };
      }
      throw error;
    }
  }
}
