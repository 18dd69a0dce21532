import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** Law 4982 Art. 11: the applicant is told of the extension with its reason, so the reason travels with the message. */
export const deadlineExtended: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.deadlineExtended),
};
