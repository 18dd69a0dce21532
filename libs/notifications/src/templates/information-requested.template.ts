import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The question travels with the message: a citizen on a feature phone must be able to read it and reply by SMS. */
export const informationRequested: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'More information needed for application {tracking}',
        paragraphs: [
          'The agency handling your application {tracking} needs more information from you.',
          'Reply to this message, or open the status page with your access code.',
        ],
        answerHeading: 'Question',
        linkLabel: 'See the question and reply',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz için ek bilgi gerekiyor',
        paragraphs: [
          '{tracking} numaralı başvurunuzu inceleyen kurum sizden ek bilgi istiyor.',
          'Bu mesajı yanıtlayın ya da durum sayfasını erişim kodunuzla açın.',
        ],
        answerHeading: 'Soru',
        linkLabel: 'Soruyu görün ve yanıtlayın',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'مطلوب معلومات إضافية للطلب رقم {tracking}',
        paragraphs: [
          'تحتاج الجهة التي تتولى طلبك رقم {tracking} إلى معلومات إضافية منك.',
          'ردّ على هذه الرسالة، أو افتح صفحة الحالة باستخدام رمز الوصول.',
        ],
        answerHeading: 'السؤال',
        linkLabel: 'الاطلاع على السؤال والرد',
      }),
  },
};
