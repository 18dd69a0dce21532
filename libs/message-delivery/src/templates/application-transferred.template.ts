import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

export const applicationTransferred: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.applicationTransferred),
};
