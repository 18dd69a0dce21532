import type { ApplicationStatus } from '@petitio/applications';
import { STATUS_WORDS } from '@petitio/applications';
import type { PhoneLanguage } from '../sms/citizen-language';

/** Everything the voice menu says, per language. Short: callers hear every word. */
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

const STATUS_TR = STATUS_WORDS.tr;
const STATUS_EN = STATUS_WORDS.en;

export const VOICE_WORDING: Record<PhoneLanguage, VoiceWording> = {
  tr: {
    menu: 'Başvuru durumu için 1, bir görevliyle görüşmek için 2, sesli şikayet bırakmak için 3e basın.',
    notAnOption: 'Bu geçerli bir seçenek değil.',
    enterTrackingNumber: '11 haneli takip numaranızı tuşlayın, sonra kare tuşuna basın.',
    invalidNumber: 'Bu numara geçerli değil.',
    notFound: 'Bu numarayla size ait bir başvuru bulunamadı.',
    status: (t, s) => `Başvuru ${t}: ${STATUS_TR[s]}.`,
    connecting: 'Sizi bir görevliye bağlıyoruz.',
    noAgent: 'Şu anda görevliye bağlanamıyoruz. Lütfen daha sonra tekrar arayın.',
    recordPrompt: 'Sinyal sesinden sonra şikayetinizi anlatın. Bitirince kare tuşuna basın.',
    nothingRecorded: 'Mesaj kaydedilmedi.',
    recordedBefore: (t) => `Mesajınız alındı. Takip numaranız: ${t}. Erişim kodunuz ilk aramanızda okundu.`,
    recorded: (t, c) => `Mesajınız alındı. Takip numaranız: ${t}. Erişim kodunuz: ${c}. Tekrar ediyorum: takip numarası ${t}, erişim kodu ${c}.`,
    goodbye: 'İyi günler.',
    voiceMessageBody: (sid) => `Sesli mesaj (kayıt ${sid}), yazıya dökülecek.`,
  },
  en: {
    menu: 'For the status of an application press 1, to speak to an agent press 2, to leave a complaint as a voice message press 3.',
    notAnOption: 'That is not an option.',
    enterTrackingNumber: 'Type your 11 digit tracking number, then press hash.',
    invalidNumber: 'The number is not valid.',
    notFound: 'No application of yours was found with this number.',
    status: (t, s) => `Application ${t}: ${STATUS_EN[s]}.`,
    connecting: 'Connecting you to an agent.',
    noAgent: 'No agent can be reached now. Please call again later.',
    recordPrompt: 'After the tone, describe your complaint. Press hash when you are done.',
    nothingRecorded: 'Nothing was recorded.',
    recordedBefore: (t) => `Your message was received. Your tracking number is ${t}. Your access code was read out in your first call.`,
    recorded: (t, c) => `Your message was received. Your tracking number is ${t}. Your access code is ${c}. Again: tracking number ${t}, access code ${c}.`,
    goodbye: 'Goodbye.',
    voiceMessageBody: (sid) => `Voice message (recording ${sid}), to be transcribed`,
  },
};
