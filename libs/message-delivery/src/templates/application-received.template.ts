import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

export const applicationReceived: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: {
    en: (c) =>
      citizenMessage(c, {
        subject: 'Application {tracking} received',
        paragraphs: [
          'We have received your application. Its tracking number is {tracking}.',
          'With the access code you were given, you can follow it on the status page. We will let you know when there is news.',
        ],
        linkLabel: 'Status of your application',
      }),
    tr: (c) =>
      citizenMessage(c, {
        subject: '{tracking} numaralı başvurunuz alındı',
        paragraphs: [
          'Başvurunuzu aldık. Takip numaranız: {tracking}.',
          'Size verilen erişim koduyla başvurunuzu durum sayfasından izleyebilirsiniz. Bir gelişme olduğunda size haber vereceğiz.',
        ],
        linkLabel: 'Başvurunuzun durumu',
      }),
    ar: (c) =>
      citizenMessage(c, {
        subject: 'تم استلام طلبك رقم {tracking}',
        paragraphs: [
          'لقد استلمنا طلبك. رقم التتبع الخاص به هو {tracking}.',
          'يمكنك متابعة طلبك في صفحة الحالة باستخدام رمز الوصول الذي حصلت عليه. سنُعلمك عند وجود أي مستجدات.',
        ],
        linkLabel: 'حالة طلبك',
      }),
  },
};
