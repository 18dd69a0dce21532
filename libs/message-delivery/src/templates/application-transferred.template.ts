import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

export const applicationTransferred: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'Application {tracking} transferred to another agency',
        paragraphs: [
          'Your application {tracking} has been transferred to the agency responsible for it.',
          'You can keep following it on the status page with the same tracking number and access code.',
        ],
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz başka bir kuruma aktarıldı',
        paragraphs: [
          '{tracking} numaralı başvurunuz, konusunda yetkili kuruma aktarıldı.',
          'Aynı takip numarası ve erişim koduyla durum sayfasından izlemeye devam edebilirsiniz.',
        ],
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'تم تحويل طلبك رقم {tracking} إلى جهة أخرى',
        paragraphs: ['تم تحويل طلبك رقم {tracking} إلى الجهة المختصة به.', 'يمكنك مواصلة متابعته في صفحة الحالة بنفس رقم التتبع ورمز الوصول.'],
        linkLabel: 'حالة طلبك',
      }),
  },
};
