import { linkButton, paragraphsHtml } from './email-layout';
import { html } from '@petitio/platform';
import { MessageTemplateDefinition } from './message-template';

/** Only what the invitation needs: that there is an account, and the one-time link to set its password. */
export const staffInvitation: MessageTemplateDefinition = {
  audience: 'staff_invitation',
  texts: ({ staffInvitation: words }, context) => {
    const body = words.body({ hours: context.linkValidHours });
    return {
      subject: words.subject,
      text: `${body}\n${context.setPasswordUrl}\n\n${words.afterLink}`,
      html: html`${paragraphsHtml(body)}\n${linkButton(context.setPasswordUrl, words.link)}\n${paragraphsHtml(words.afterLink)}`,
    };
  },
};
