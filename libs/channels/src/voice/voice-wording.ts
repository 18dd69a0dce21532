import type { ApplicationStatus } from '@petitio/applications';
import { catalogs } from '@petitio/i18n';
import { VOICE_LANGUAGES, VoiceLanguage } from '../sms/citizen-language';

/** Everything the voice menu says in one language, from `libs/i18n/catalogs/<language>/voice.json`. Short: callers hear every word. */
export interface VoiceWording {
  menu: string;
  notAnOption: string;
  enterTrackingNumber: string;
  invalidNumber: string;
  notFound: string;
  status(spokenTrackingNumber: string, status: ApplicationStatus): string;
  connecting: string;
  noAgent: string;
  recordPrompt: string;
  nothingRecorded: string;
  recorded(spokenTrackingNumber: string, spokenAccessCode: string): string;
  recordedBefore(spokenTrackingNumber: string): string;
  goodbye: string;
  /** The application's text, for the agent who will transcribe it. */
  voiceMessageBody(recordingSid: string): string;
}

function voiceWording(language: VoiceLanguage): VoiceWording {
  const t = catalogs.texts('voice', language);
  return {
    menu: t.menu,
    notAnOption: t.notAnOption,
    enterTrackingNumber: t.enterTrackingNumber,
    invalidNumber: t.invalidNumber,
    notFound: t.notFound,
    status: (tracking, status) => t.status({ tracking, status: t.statuses[status] }),
    connecting: t.connecting,
    noAgent: t.noAgent,
    recordPrompt: t.recordPrompt,
    nothingRecorded: t.nothingRecorded,
    recorded: (tracking, code) => t.recorded({ tracking, code }),
    recordedBefore: (tracking) => t.recordedBefore({ tracking }),
    goodbye: t.goodbye,
    voiceMessageBody: (recording) => t.voiceMessageBody({ recording }),
  };
}

export const VOICE_WORDING = Object.fromEntries(VOICE_LANGUAGES.map((language) => [language, voiceWording(language)])) as Record<VoiceLanguage, VoiceWording>;
