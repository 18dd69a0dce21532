import { citizenMessage } from './citizen-message';
import { MessageTemplateDefinition } from './message-template';

/** The one citizen message that carries words written by staff: the answer is what the citizen asked for. */
export const applicationAnswered: MessageTemplateDefinition = {
  audience: 'citizen',
  texts: (words, context) => citizenMessage(context, words.applicationAnswered),
};
