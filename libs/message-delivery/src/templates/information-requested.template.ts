import { citizenMessage } from './citizen-message';
import { CitizenContext, MessageTemplateDefinition } from './message-template';

/** How to answer, in each language: only a phone-number sender can be answered directly. */
const REPLY: Record<'en' | 'tr' | 'ar', (c: CitizenContext) => string> = {
  en: ({ replyBy }) =>
    replyBy.kind === 'this_message'
      ? 'Reply to this message, or open the status page with your access code.'
      : replyBy.kind === 'number'
        ? `Text your reply to ${replyBy.number}, or open the status page with your access code.`
        : 'To reply, open the status page with your access code.',
  tr: ({ replyBy }) =>
    replyBy.kind === 'this_message'
      ? 'Bu mesajı yanıtlayın ya da durum sayfasını erişim kodunuzla açın.'
      : replyBy.kind === 'number'
        ? `Yanıtınızı ${replyBy.number} numarasına SMS ile gönderin ya da durum sayfasını erişim kodunuzla açın.`
        : 'Yanıt vermek için durum sayfasını erişim kodunuzla açın.',
  ar: ({ replyBy }) =>
    replyBy.kind === 'this_message'
      ? 'ردّ على هذه الرسالة، أو افتح صفحة الحالة باستخدام رمز الوصول.'
      : replyBy.kind === 'number'
        ? `أرسل ردّك برسالة نصية إلى الرقم ${replyBy.number}، أو افتح صفحة الحالة باستخدام رمز الوصول.`
        : 'للرد، افتح صفحة الحالة باستخدام رمز الوصول.',
};

/** The question travels with the message: a citizen on a feature phone must be able to read it and reply by SMS. */
export const informationRequested: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'More information needed for application {tracking}',
        paragraphs: ['The agency handling your application {tracking} needs more information from you.', REPLY.en(c)],
        answerHeading: 'Question',
        linkLabel: 'See the question and reply',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz için ek bilgi gerekiyor',
        paragraphs: ['{tracking} numaralı başvurunuzu inceleyen kurum sizden ek bilgi istiyor.', REPLY.tr(c)],
        answerHeading: 'Soru',
        linkLabel: 'Soruyu görün ve yanıtlayın',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'مطلوب معلومات إضافية للطلب رقم {tracking}',
        paragraphs: ['تحتاج الجهة التي تتولى طلبك رقم {tracking} إلى معلومات إضافية منك.', REPLY.ar(c)],
        answerHeading: 'السؤال',
        linkLabel: 'الاطلاع على السؤال والرد',
      }),
  },
};
