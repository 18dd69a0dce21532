import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** A progress update is no answer: the message says the application stays open, and carries the agency's words. */
export const interimAnswer: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'News about your application {tracking}',
        paragraphs: ['The agency handling your application {tracking} sent a progress update. Your application stays open until it is answered.'],
        answerHeading: 'Update',
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuzla ilgili ara bilgi',
        paragraphs: ['{tracking} numaralı başvurunuzu inceleyen kurum bir ara bilgi gönderdi. Başvurunuz yanıtlanana kadar açık kalır.'],
        answerHeading: 'Ara bilgi',
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'مستجدات بشأن طلبك رقم {tracking}',
        paragraphs: ['أرسلت الجهة التي تتولى طلبك رقم {tracking} إفادة بسير العمل عليه. يبقى طلبك مفتوحًا حتى يتم الرد عليه.'],
        answerHeading: 'إفادة',
        linkLabel: 'حالة طلبك',
      }),
  },
};
