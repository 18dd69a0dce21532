import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The one citizen message that carries words written by staff: the answer is what the citizen asked for. */
export const applicationAnswered: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'Your application {tracking} has been answered',
        paragraphs: ['The agency has answered your application {tracking}.'],
        answerHeading: 'Answer',
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz yanıtlandı',
        paragraphs: ['Kurum, {tracking} numaralı başvurunuzu yanıtladı.'],
        answerHeading: 'Yanıt',
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'تم الرد على طلبك رقم {tracking}',
        paragraphs: ['ردّت الجهة المختصة على طلبك رقم {tracking}.'],
        answerHeading: 'الرد',
        linkLabel: 'حالة طلبك',
      }),
  },
};
