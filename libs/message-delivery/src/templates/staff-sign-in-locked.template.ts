import { html } from '@petitio/platform';
import { linkButton } from './email-layout';
import { MessageTemplateDefinition, MessageTexts, SignInLockedContext } from './message-template';

interface SignInLockedWording {
  subject: string;
  what: (c: SignInLockedContext) => string;
  meaning: string;
  ifYou: string;
  ifNotYou: string;
  linkLabel: string;
}

/** Tells the owner that one address was locked out of their account: how many failures, from roughly where, when. */
function signInLocked(context: SignInLockedContext, wording: SignInLockedWording): MessageTexts {
  const what = wording.what(context);
  return {
    subject: wording.subject,
    text: [what, wording.meaning, wording.ifYou, wording.ifNotYou, `${wording.linkLabel}:\n${context.signInUrl}`].join('\n\n'),
    html: html`<p>${what}</p>\n<p>${wording.meaning}</p>\n<p>${wording.ifYou}</p>\n<p>${wording.ifNotYou}</p>\n${linkButton(context.signInUrl, wording.linkLabel)}`,
  };
}

export const staffSignInLocked: MessageTemplateDefinition = {
  audience: 'staff_sign_in_locked',
  texts: {
    en: (c) =>
      signInLocked(c, {
        subject: 'Failed sign-ins to your Petitio account',
        what: ({ failures, from, at }) =>
          `Someone failed to sign in to your Petitio staff account ${failures} times from the address ${from}, the last time at ${at}.`,
        meaning: 'Sign-ins to your account from that address are blocked for a while. Sign-ins from anywhere else still work.',
        ifYou: 'If it was you, wait a little and try again, or ask a center admin to unlock your account.',
        ifNotYou: 'If it was not you, your password has not been given away, but tell a center admin: someone is trying to guess it.',
        linkLabel: 'Sign in to Petitio',
      }),
    tr: (c) =>
      signInLocked(c, {
        subject: 'Petitio hesabınıza başarısız giriş denemeleri',
        what: ({ failures, from, at }) =>
          `Birisi ${from} adresinden Petitio personel hesabınıza ${failures} kez giriş yapmayı denedi ve başaramadı; son deneme ${at}.`,
        meaning: 'Bu adresten hesabınıza girişler bir süreliğine engellendi. Başka yerlerden girişler çalışmaya devam ediyor.',
        ifYou: 'Bu siz idiyseniz biraz bekleyip yeniden deneyin ya da bir merkez yöneticisinden hesabınızın kilidini açmasını isteyin.',
        ifNotYou: 'Bu siz değilseniz parolanız ele geçirilmedi, ancak bir merkez yöneticisine haber verin: birisi parolanızı tahmin etmeye çalışıyor.',
        linkLabel: 'Petitio’ya giriş yapın',
      }),
  },
};
