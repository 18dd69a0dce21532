import { html } from '@petitio/platform';
import { linkButton, paragraphsHtml } from './email-layout';
import { MessageTemplateDefinition } from './message-template';

/** Tells the owner that one address was locked out of their account: how many failures, from roughly where, when. */
export const staffSignInLocked: MessageTemplateDefinition = {
  audience: 'staff_sign_in_locked',
  texts: ({ staffSignInLocked: words }, context) => {
    const body = words.body({ failures: context.failures, from: context.from, at: context.at });
    return {
      subject: words.subject,
      text: [body, `${words.link}:\n${context.signInUrl}`].join('\n\n'),
      html: html`${paragraphsHtml(body)}\n${linkButton(context.signInUrl, words.link)}`,
    };
  },
};
