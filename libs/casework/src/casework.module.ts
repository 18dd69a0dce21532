import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { NotificationsModule } from '@petitio/notifications';
import { SlaModule } from '@petitio/sla';
import { ApplicationsModule } from '@petitio/applications';
import { IntakeModule } from '@petitio/intake';
import { PrivacyModule } from '@petitio/privacy';
import { Acknowledgements } from './acknowledgements';
import { ApplicationChanges } from './application-changes';
import { CitizenNotices } from './citizen-notices';
import { ReasonCodes } from './reason-codes';
import { ApplicationTransfers } from './disposition-transfers';
import { ApplicationRejections } from './disposition-rejections';
import { DuplicateMerges } from './disposition-duplicates';
import { ApplicationClosing } from './disposition-closing';
import { CitizenFeedback } from './citizen-feedback';
import { CaseAssignment } from './assignment';
import { AutoAssignment } from './auto-assignment';
import { AutoAssignmentSettings } from './auto-assignment-settings';
import { InternalNotes } from './internal-notes';
import { Correspondence } from './correspondence';
import { CitizenReplies } from './citizen-replies';
import { CannedResponses } from './canned-responses';
import { ApplicationDeadlines } from './application-deadlines';
import { DeadlineExtensions } from './deadline-extensions';
import { InterimAnswers } from './interim-answers';
import { DeadlineEscalations } from './deadline-escalations';
import { EscalationRecipients } from './escalation-recipients';

/** An agency's work on an application: assignment, answers, dispositions, correspondence, feedback and legal clocks. */
const SERVICES = [
  Acknowledgements,
  ApplicationChanges,
  CitizenNotices,
  ReasonCodes,
  ApplicationTransfers,
  ApplicationRejections,
  DuplicateMerges,
  ApplicationClosing,
  CitizenFeedback,
  CaseAssignment,
  AutoAssignment,
  AutoAssignmentSettings,
  InternalNotes,
  Correspondence,
  CitizenReplies,
  CannedResponses,
  ApplicationDeadlines,
  DeadlineExtensions,
  InterimAnswers,
  DeadlineEscalations,
  EscalationRecipients,
];

@Module({
  imports: [ApplicationsModule, CatalogueModule, DirectoryModule, NotificationsModule, PrivacyModule, SlaModule, IntakeModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class CaseworkModule {}
