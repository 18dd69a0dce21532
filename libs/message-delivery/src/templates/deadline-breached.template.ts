import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The answer is late: the citizen hears it from us, with an apology, before they have to chase it. */
export const deadlineBreached: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.deadlineBreached),
};
