import type { ApplicationStatus } from '@petitio/applications';
import { catalogs } from '@petitio/i18n';

/** Everything the voice menu says in one language, from `libs/i18n/catalogs/<language>/voice.json`. Short: callers hear every word. */
export interface VoiceWording {
  /** The locale the telephony provider reads the prompts in (BCP 47, e.g. pt-BR), from the catalog. */
  speechLanguage: string;
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

function voiceWording(language: string): VoiceWording {
  const t = catalogs.texts('voice', language);
  return {
    speechLanguage: t.speechLanguage,
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

const wordings = new Map<string, VoiceWording>();

/** The voice menu's words in `language`, one of `voiceLanguages()`; built once per language. */
export function voiceWordingIn(language: string): VoiceWording {
  let wording = wordings.get(language);
  if (!wording) wordings.set(language, (wording = voiceWording(language)));
  return wording;
}
