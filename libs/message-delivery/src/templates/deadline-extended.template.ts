import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** Law 4982 Art. 11: the applicant is told of the extension with its reason, so the reason travels with the message. */
export const deadlineExtended: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'More time to answer application {tracking}',
        paragraphs: ['The agency has extended the deadline to answer your application {tracking}. The new deadline is {deadline}.'],
        answerHeading: 'Reason',
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuzun yanıt süresi uzatıldı',
        paragraphs: ['Kurum, {tracking} numaralı başvurunuzu yanıtlama süresini uzattı. Yeni son tarih: {deadline}.'],
        answerHeading: 'Gerekçe',
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'تم تمديد مهلة الرد على طلبك رقم {tracking}',
        paragraphs: ['مدّدت الجهة المختصة مهلة الرد على طلبك رقم {tracking}. الموعد النهائي الجديد هو {deadline}.'],
        answerHeading: 'السبب',
        linkLabel: 'حالة طلبك',
      }),
  },
};
