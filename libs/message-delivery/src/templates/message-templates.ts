import { MessageTemplate } from '@petitio/notifications';
import { applicationAnswered } from './application-answered.template';
import { applicationReceived } from './application-received.template';
import { applicationRejected } from './application-rejected.template';
import { applicationTransferred } from './application-transferred.template';
import { deadlineBreached } from './deadline-breached.template';
import { deadlineEscalation } from './deadline-escalation.template';
import { deadlineExtended } from './deadline-extended.template';
import { interimAnswer } from './interim-answer.template';
import { informationRequested } from './information-requested.template';
import { MessageTemplateDefinition } from './message-template';
import { staffInvitation } from './staff-invitation.template';
import { staffSignInLocked } from './staff-sign-in-locked.template';
import { staffWebhookDisabled } from './staff-webhook-disabled.template';

/** Every template by name. A Record, so a name added to MessageTemplate without wording does not compile. */
export const MESSAGE_TEMPLATES: Record<MessageTemplate, MessageTemplateDefinition> = {
  application_received: applicationReceived,
  information_requested: informationRequested,
  application_answered: applicationAnswered,
  application_transferred: applicationTransferred,
  application_rejected: applicationRejected,
  staff_invitation: staffInvitation,
  staff_sign_in_locked: staffSignInLocked,
  staff_webhook_disabled: staffWebhookDisabled,
  deadline_extended: deadlineExtended,
  deadline_breached: deadlineBreached,
  interim_answer: interimAnswer,
  deadline_escalation: deadlineEscalation,
};
