import type { ApplicationStatus } from '@petitio/applications';
import { STATUS_WORDS } from '@petitio/applications';
import type { PhoneLanguage } from './citizen-language';

/** Every SMS answer, per language. Short on purpose: each Turkish letter makes a whole text cost more segments. */
export interface SmsWording {
  help: string;
  empty: string;
  received(trackingNumber: string, accessCode: string): string;
  /** The receipt repeated to a late redelivery: the access code went out once, in the first reply. */
  receivedBefore(trackingNumber: string): string;
  replyAttached(trackingNumber: string): string;
  status(trackingNumber: string, status: ApplicationStatus, agency: string | null): string;
  statusList(lines: string[]): string;
  noApplications: string;
  notFound: string;
  checkDigits: string;
  trackingFormat: string;
  tooLong(max: number): string;
  optedOut: string;
  optedIn: string;
  tooManyMessages: string;
}

// By SMS, a citizen asked for information can answer right here.
const STATUS_TR: Record<ApplicationStatus, string> = { ...STATUS_WORDS.tr, awaiting_citizen: `${STATUS_WORDS.tr.awaiting_citizen}; bu mesaja yanıt yazın` };
const STATUS_EN: Record<ApplicationStatus, string> = { ...STATUS_WORDS.en, awaiting_citizen: `${STATUS_WORDS.en.awaiting_citizen}; reply to this message` };

export const SMS_WORDING: Record<PhoneLanguage, SmsWording> = {
  tr: {
    help: 'Şikayetinizi yazıp gönderin. DURUM <takip no>: başvuru durumu. IPTAL: mesajları durdur, BASLA: yeniden başlat. EN: English.',
    empty: 'Mesajınız boş. Şikayetinizi yazıp gönderin ya da YARDIM yazın.',
    received: (t, c) => `Başvurunuz alındı. Takip no: ${t} Erişim kodu: ${c}. Durum için: DURUM ${t}`,
    receivedBefore: (t) => `Başvurunuz alındı. Takip no: ${t}. Erişim kodu ilk yanıtımızdaydı. Durum için: DURUM ${t}`,
    replyAttached: (t) => `Yanıtınız ${t} numaralı başvurunuza eklendi ve kuruma iletildi.`,
    status: (t, s, agency) => `${t}: ${STATUS_TR[s]}${agency ? ` (${agency})` : ''}.`,
    statusList: (lines) => lines.join('\n'),
    noApplications: 'Bu numaradan bir başvuru bulunamadı. Şikayetinizi yazıp gönderebilirsiniz.',
    notFound: 'Bu takip numarasıyla sizin numaranıza ait bir başvuru bulunamadı.',
    checkDigits: 'Takip numarasında bir yazım hatası var; lütfen rakamları kontrol edin.',
    trackingFormat: 'Takip numarası 11 rakamdır, örneğin: DURUM 4827-3915-602',
    tooLong: (max) => `Mesajınız çok uzun; en fazla ${max} karakter gönderebilirsiniz.`,
    optedOut: 'Artık size SMS göndermeyeceğiz. Yeniden başlatmak için BASLA yazın.',
    optedIn: 'SMS bildirimleri yeniden açıldı.',
    tooManyMessages: 'Çok fazla mesaj gönderdiniz. Lütfen biraz sonra tekrar deneyin.',
  },
  en: {
    help: 'Text your complaint to send it. STATUS <tracking no>: its status. STOP: no more texts, START: texts again. TR: Türkçe.',
    empty: 'Your message was empty. Text your complaint, or HELP.',
    received: (t, c) => `Received. Tracking no: ${t} Access code: ${c}. For its status text: STATUS ${t}`,
    receivedBefore: (t) => `Received. Tracking no: ${t}. The access code was in our first reply. For its status text: STATUS ${t}`,
    replyAttached: (t) => `Your reply was added to application ${t} and sent to the agency.`,
    status: (t, s, agency) => `${t}: ${STATUS_EN[s]}${agency ? ` (${agency})` : ''}.`,
    statusList: (lines) => lines.join('\n'),
    noApplications: 'No application was found from this number. Text your complaint to send one.',
    notFound: 'No application of yours was found with this tracking number.',
    checkDigits: 'This tracking number has a typing mistake: please check the digits.',
    trackingFormat: 'A tracking number has 11 digits, like: STATUS 4827-3915-602',
    tooLong: (max) => `Your message is too long: at most ${max} characters.`,
    optedOut: 'You will get no more texts from us. Text START to get them again.',
    optedIn: 'Texts from us are on again.',
    tooManyMessages: 'You have sent too many messages. Please try again later.',
  },
};
