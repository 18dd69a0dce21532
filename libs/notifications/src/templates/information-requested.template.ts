import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The question itself stays on the status page: the message only says that one is waiting. */
export const informationRequested: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'More information needed for application {tracking}',
        paragraphs: [
          'The agency handling your application {tracking} needs more information from you.',
          'Open the status page with your access code to see what is asked and to reply.',
        ],
        linkLabel: 'See the question and reply',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz için ek bilgi gerekiyor',
        paragraphs: [
          '{tracking} numaralı başvurunuzu inceleyen kurum sizden ek bilgi istiyor.',
          'Ne istendiğini görmek ve yanıtlamak için durum sayfasını erişim kodunuzla açın.',
        ],
        linkLabel: 'Soruyu görün ve yanıtlayın',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'مطلوب معلومات إضافية للطلب رقم {tracking}',
        paragraphs: [
          'تحتاج الجهة التي تتولى طلبك رقم {tracking} إلى معلومات إضافية منك.',
          'افتح صفحة الحالة باستخدام رمز الوصول للاطلاع على المطلوب والرد عليه.',
        ],
        linkLabel: 'الاطلاع على السؤال والرد',
      }),
  },
};
