import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The answer is late: the citizen hears it from us, with an apology, before they have to chase it. */
export const deadlineBreached: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'The deadline to answer application {tracking} has passed',
        paragraphs: [
          'The legal deadline to answer your application {tracking} ({deadline}) has passed without an answer. The supervisors at the agency have been alerted. We apologise for the delay.',
        ],
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuzun yanıt süresi doldu',
        paragraphs: [
          '{tracking} numaralı başvurunuzun yasal yanıt süresi ({deadline}) yanıt verilmeden doldu. Kurumun yöneticileri uyarıldı. Gecikme için özür dileriz.',
        ],
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'انقضت مهلة الرد على طلبك رقم {tracking}',
        paragraphs: ['انقضت المهلة القانونية للرد على طلبك رقم {tracking} ({deadline}) دون رد. تم إبلاغ المشرفين في الجهة المختصة. نعتذر عن هذا التأخير.'],
        linkLabel: 'حالة طلبك',
      }),
  },
};
