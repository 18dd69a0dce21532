import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/**
 * The question travels with the message: a citizen on a feature phone must be able to read it and reply by SMS.
 * How to answer follows the context's `replyBy`: only a phone-number sender can be answered directly.
 */
export const informationRequested: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.informationRequested),
};
