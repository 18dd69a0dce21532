import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

export const applicationReceived: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.applicationReceived),
};
