import { linkButton } from './email-layout';
import { html } from '@petitio/platform';
import { InvitationContext, MessageTemplateDefinition, MessageTexts } from './message-template';

interface InvitationWording {
  subject: string;
  intro: string;
  instruction: (hours: number) => string;
  linkLabel: string;
  notExpected: string;
}

/** Only what the invitation needs: that there is an account, and the one-time link to set its password. */
function invitation(context: InvitationContext, wording: InvitationWording): MessageTexts {
  const instruction = wording.instruction(context.linkValidHours);
  return {
    subject: wording.subject,
    text: [wording.intro, `${instruction}\n${context.setPasswordUrl}`, wording.notExpected].join('\n\n'),
    html: html`<p>${wording.intro}</p>\n<p>${instruction}</p>\n${linkButton(context.setPasswordUrl, wording.linkLabel)}\n<p>${wording.notExpected}</p>`,
  };
}

export const staffInvitation: MessageTemplateDefinition = {
  audience: 'staff_invitation',
  texts: {
    en: (c) =>
      invitation(c, {
        subject: 'Your Petitio staff account',
        intro: 'A staff account has been created for you on Petitio.',
        instruction: (hours) => `Choose your password with this link. It works once, for ${hours} hours:`,
        linkLabel: 'Set your password',
        notExpected: 'If you did not expect this email, you can ignore it: nothing happens until the link is used.',
      }),
    tr: (c) =>
      invitation(c, {
        subject: 'Petitio personel hesabınız',
        intro: 'Petitio’da sizin için bir personel hesabı oluşturuldu.',
        instruction: (hours) => `Şifrenizi bu bağlantıyla belirleyin. Bağlantı ${hours} saat geçerlidir ve yalnızca bir kez kullanılabilir:`,
        linkLabel: 'Şifrenizi belirleyin',
        notExpected: 'Bu e-postayı beklemiyorsanız dikkate almayın: bağlantı kullanılmadıkça hiçbir şey olmaz.',
      }),
    ar: (c) =>
      invitation(c, {
        subject: 'حسابك كموظف في Petitio',
        intro: 'تم إنشاء حساب موظف لك في Petitio.',
        instruction: (hours) => `اختر كلمة المرور عبر هذا الرابط. يعمل الرابط مرة واحدة فقط، لمدة ${hours} ساعة:`,
        linkLabel: 'تعيين كلمة المرور',
        notExpected: 'إذا لم تكن تتوقع هذه الرسالة فيمكنك تجاهلها: لن يحدث شيء ما لم يُستخدم الرابط.',
      }),
  },
};
