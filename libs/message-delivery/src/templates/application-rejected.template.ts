import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The reason is shown on the status page, behind the access code, not in a message anyone may read. */
export const applicationRejected: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'Application {tracking} could not be taken up',
        paragraphs: [
          'Your application {tracking} has been closed without being taken up.',
          'The reason is shown on the status page, which you can open with your access code.',
        ],
        linkLabel: 'See the reason',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz işleme alınamadı',
        paragraphs: [
          '{tracking} numaralı başvurunuz işleme alınmadan kapatıldı.',
          'Nedenini, erişim kodunuzla açabileceğiniz durum sayfasında görebilirsiniz.',
        ],
        linkLabel: 'Nedeni görün',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'تعذّر قبول طلبك رقم {tracking}',
        paragraphs: ['تم إغلاق طلبك رقم {tracking} دون معالجته.', 'يظهر السبب في صفحة الحالة التي يمكنك فتحها باستخدام رمز الوصول.'],
        linkLabel: 'الاطلاع على السبب',
      }),
  },
};
