import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import { AccessCodes } from '@petitio/intake';
import { IntakeService } from '@petitio/intake';
import { toE164 } from '@petitio/applications';
import { PhoneLanguage as VoiceLanguage, languageOfNumber, voiceLanguages } from '../sms/citizen-language';
import { InboundMessages } from '../sms/inbound-messages';
import { PhoneApplications } from '../sms/phone-applications';
import { TRACKING_NUMBER_LENGTH, parseTrackingNumber } from '@petitio/applications';
import { VoiceStep } from './voice-step';
import { voiceWordingIn } from './voice-wording';

/** Wrong keypad answers a caller gets before the menu offers an agent instead. */
const TRIES = 2;
const RECORDING_MAX_SECONDS = 120;

export interface VoiceRecording {
  callSid: string;
  recordingSid: string;
  from: string;
  durationSeconds: number;
}

/**
 * The phone menu, for callers who cannot or would rather not text: 1 hears the status of an
 * application, 2 speaks to an agent, 3 leaves a complaint as a voice message. The caller's
 * number is their proof, as on SMS.
 */
@Injectable()
export class VoiceMenu {
  private readonly logger = new Logger(VoiceMenu.name);

  constructor(
    private readonly clock: Clock,
    private readonly inbound: InboundMessages,
    private readonly intake: IntakeService,
    private readonly applications: PhoneApplications,
    private readonly accessCodes: AccessCodes,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  welcome(from: string): VoiceStep {
    return this.mainMenu(this.languageOf(from), 1, []);
  }

  choose(from: string, digits: string | undefined, attempt: number): VoiceStep {
    const language = this.languageOf(from);
    const w = voiceWordingIn(language);
    switch (digits) {
      case '1':
        return this.askTrackingNumber(language, 1, []);
      case '2':
        return this.agent(language, []);
      case '3':
        return { kind: 'record', language, say: [w.recordPrompt], maxLengthSeconds: RECORDING_MAX_SECONDS };
      default:
        return attempt >= TRIES ? this.agent(language, [w.notAnOption]) : this.mainMenu(language, attempt + 1, [w.notAnOption]);
    }
  }

  async status(from: string, digits: string | undefined, attempt: number): Promise<VoiceStep> {
    const language = this.languageOf(from);
    const w = voiceWordingIn(language);
    const wrong = (why: string) => (attempt >= TRIES ? this.agent(language, [why]) : this.askTrackingNumber(language, attempt + 1, [why]));
    const parsed = parseTrackingNumber(digits ?? '');
    if (!parsed.ok) return wrong(w.invalidNumber);
    const phone = toE164(from, this.env.DEFAULT_COUNTRY);
    const found = phone ? await this.applications.statusOf(parsed.value, phone, language) : undefined;
    if (!found) return wrong(w.notFound);
    return { kind: 'hangup', language, say: [w.status(spokenDigits(found.trackingNumber, [4, 4, 3]), found.status), w.goodbye] };
  }

  /** A voice message becomes an application for an agent to transcribe; a redelivered webhook makes none. */
  async recorded(recording: VoiceRecording): Promise<VoiceStep> {
    const language = this.languageOf(recording.from);
    const w = voiceWordingIn(language);
    if (!recording.recordingSid || recording.durationSeconds <= 0) return { kind: 'hangup', language, say: [w.nothingRecorded, w.goodbye] };

    const sid = `${recording.callSid}:${recording.recordingSid}`;
    const earlier = await this.inbound.claim(sid, 'voice', this.clock.now());
    let trackingNumber: string;
    if (earlier?.applicationId) {
      trackingNumber = await this.applications.trackingNumberOf(earlier.applicationId);
    } else {
      const phone = toE164(recording.from, this.env.DEFAULT_COUNTRY);
      // The recording's id, never the audio: the agent opens it in the provider's console to transcribe it.
      const receipt = await this.intake.submit(
        {
          type: 'complaint',
          body: w.voiceMessageBody(recording.recordingSid),
          channel: 'voice',
          language,
          citizen: phone ? { phone } : undefined,
          submittedBy: { type: 'citizen' },
        },
        `voice:${sid}`,
      );
      trackingNumber = receipt.trackingNumber;
      // No reply text is kept: what the caller heard is rebuilt from the application, so the access code is stored nowhere.
      await this.inbound.settle(sid, 'application_created', null, receipt.applicationId);
      this.logger.log({ msg: 'voice message recorded as an application', callSid: recording.callSid });
    }
    const spokenNumber = spokenDigits(trackingNumber, [4, 4, 3]);
    // Past the provider's retry window only a replayed capture arrives: it does not hear the access code.
    if (earlier && earlier.ageSeconds > this.env.WEBHOOK_RETRY_WINDOW_SECONDS)
      return { kind: 'hangup', language, say: [w.recordedBefore(spokenNumber), w.goodbye] };
    const code = this.accessCodes.issue(trackingNumber);
    return { kind: 'hangup', language, say: [w.recorded(spokenNumber, spokenDigits(code, [4, 4])), w.goodbye] };
  }

  private mainMenu(language: VoiceLanguage, attempt: number, before: string[]): VoiceStep {
    return { kind: 'gather', language, say: [...before, voiceWordingIn(language).menu], stage: 'menu', attempt, numDigits: 1 };
  }

  private askTrackingNumber(language: VoiceLanguage, attempt: number, before: string[]): VoiceStep {
    return {
      kind: 'gather',
      language,
      say: [...before, voiceWordingIn(language).enterTrackingNumber],
      stage: 'status',
      attempt,
      numDigits: TRACKING_NUMBER_LENGTH,
      finishOnKey: '#',
    };
  }

  private agent(language: VoiceLanguage, before: string[]): VoiceStep {
    const w = voiceWordingIn(language);
    if (!this.env.VOICE_AGENT_NUMBER) return { kind: 'hangup', language, say: [...before, w.noAgent] };
    return { kind: 'dial', language, say: [...before, w.connecting], number: this.env.VOICE_AGENT_NUMBER };
  }

  private languageOf(from: string): VoiceLanguage {
    return languageOfNumber(toE164(from ?? '', this.env.DEFAULT_COUNTRY) ?? '', this.env.DEFAULT_COUNTRY, voiceLanguages());
  }
}

/** "48273915602" → "4 8 2 7, 3 9 1 5, 6 0 2": one digit at a time, a pause between groups. */
export function spokenDigits(value: string, groups: number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    parts.push(
      value
        .slice(at, at + size)
        .split('')
        .join(' '),
    );
    at += size;
  }
  return parts.filter(Boolean).join(', ');
}
