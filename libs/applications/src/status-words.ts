import type { ApplicationStatus } from './application-status';

/** How each status reads to a citizen, in plain words: SMS answers, the voice menu and the web portal. */
export const STATUS_WORDS: Record<'tr' | 'en' | 'ar', Record<ApplicationStatus, string>> = {
  tr: {
    received: 'alındı',
    routed: 'ilgili kuruma iletildi',
    assigned: 'bir görevliye verildi',
    in_progress: 'inceleniyor',
    awaiting_citizen: 'sizden bilgi bekleniyor',
    answered: 'yanıtlandı',
    closed: 'kapatıldı',
    reopened: 'yeniden açıldı',
    rejected: 'reddedildi',
  },
  en: {
    received: 'received',
    routed: 'sent to the agency in charge',
    assigned: 'given to an officer',
    in_progress: 'being handled',
    awaiting_citizen: 'waiting for information from you',
    answered: 'answered',
    closed: 'closed',
    reopened: 'reopened',
    rejected: 'rejected',
  },
  ar: {
    received: 'تم الاستلام',
    routed: 'أُحيل إلى المؤسسة المختصة',
    assigned: 'أُسند إلى موظف',
    in_progress: 'قيد المعالجة',
    awaiting_citizen: 'بانتظار معلومات منك',
    answered: 'تمت الإجابة',
    closed: 'مغلق',
    reopened: 'أُعيد فتحه',
    rejected: 'مرفوض',
  },
};
