import { html } from '@petitio/platform';
import { linkButton, paragraphsHtml } from './email-layout';
import { MessageTemplateDefinition } from './message-template';

/** Tells whoever made a webhook subscription that its receiver kept failing and the subscription was switched off. */
export const staffWebhookDisabled: MessageTemplateDefinition = {
  audience: 'staff_webhook_disabled',
  texts: ({ staffWebhookDisabled: words }, context) => {
    const body = words.body({ host: context.host, attempts: context.attempts });
    return {
      subject: words.subject,
      text: [body, `${words.link}:\n${context.subscriptionUrl}`].join('\n\n'),
      html: html`${paragraphsHtml(body)}\n${linkButton(context.subscriptionUrl, words.link)}`,
    };
  },
};
