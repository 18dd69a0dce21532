import { html } from '@petitio/platform';
import { linkButton, paragraphsHtml, textWithTrackingNumber, TRACKING_NUMBER } from './email-layout';
import { MessageTemplateDefinition } from './message-template';

/** What the catalog's `share` and `overdue` selects are given when the alert has no such value. */
const NONE = 'none';

/**
 * Only what the recipient needs to act: which application, which deadline, how late, and the console link.
 * Never the application's subject or text, nor anything about the citizen: alerts go to inboxes and parent agencies.
 * The catalog says what is due or overdue, by when, and why it reached this recipient, by step and clock kind.
 */
export const deadlineEscalation: MessageTemplateDefinition = {
  audience: 'staff_alert',
  texts: ({ deadlineEscalation: words }, context) => {
    const values = {
      tracking: TRACKING_NUMBER,
      stepKind: context.stepKind,
      clockKind: context.clockKind,
      level: context.level,
      share: context.share ?? NONE,
      overdue: context.overdue ?? NONE,
      deadline: context.deadline,
    };
    const sentence = words.body(values);
    return {
      subject: textWithTrackingNumber(words.subject(values), context.trackingNumber),
      text: [textWithTrackingNumber(sentence, context.trackingNumber), `${words.link}:\n${context.consoleUrl}`].join('\n\n'),
      html: html`${paragraphsHtml(sentence, context.trackingNumber)}\n${linkButton(context.consoleUrl, words.link)}`,
    };
  },
};
