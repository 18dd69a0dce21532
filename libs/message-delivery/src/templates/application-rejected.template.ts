import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The reason is shown on the status page, behind the access code, not in a message anyone may read. */
export const applicationRejected: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.applicationRejected),
};
