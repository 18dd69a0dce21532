import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** A progress update is no answer: the message says the application stays open, and carries the agency's words. */
export const interimAnswer: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.interimAnswer),
};
