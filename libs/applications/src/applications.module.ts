import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { AccessCodes } from './access-code';
import { ApplicationAccess } from './access/application-access';
import { Acknowledgements } from './casework/acknowledgements';
import { ApplicationChanges } from './casework/application-changes';
import { HistoryVerifier } from './audit/history-verifier';
import { CitizenNotices } from './casework/citizen-notices';
import { CitizenProof } from './citizen-proof';
import { NotificationsModule } from '@petitio/notifications';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { IntakeService } from './intake.service';
import { IntakeStore } from './intake-store';
import { ApplicationAttachments } from './attachments/application-attachments';
import { ATTACHMENT_STORE, DiskAttachmentStore } from './attachments/attachment-store';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { INBOX_PROVIDERS } from './inbox/inbox.providers';
import { DashboardService } from './dashboard/dashboard.service';
import { DashboardRollups } from './dashboard/dashboard-rollups';
import { PublicStatisticsService } from './dashboard/public-statistics.service';
import { StatusLookupService } from './status-lookup.service';
import { ReasonCodes } from './casework/reason-codes';
import { ApplicationTransfers } from './casework/disposition-transfers';
import { ApplicationRejections } from './casework/disposition-rejections';
import { DuplicateMerges } from './casework/disposition-duplicates';
import { ApplicationClosing } from './casework/disposition-closing';
import { CitizenFeedback } from './casework/citizen-feedback';
import { CaseAssignment } from './casework/assignment';
import { AutoAssignment } from './casework/auto-assignment';
import { AutoAssignmentSettings } from './casework/auto-assignment-settings';
import { InternalNotes } from './casework/internal-notes';
import { Correspondence } from './casework/correspondence';
import { CitizenReplies } from './casework/citizen-replies';
import { CannedResponses } from './casework/canned-responses';
import { SmsConversation } from './sms/sms-conversation';
import { InboundMessages } from './sms/inbound-messages';
import { PhoneApplications } from './sms/phone-applications';
import { SmsOptOuts } from './sms/sms-opt-outs';
import { TopicGuess } from './sms/topic-guess';
import { VoiceMenu } from './voice/voice-menu';
import { SlaModule } from '@petitio/sla';
import { ApplicationDeadlines } from './casework/application-deadlines';
import { DeadlineExtensions } from './casework/deadline-extensions';
import { InterimAnswers } from './casework/interim-answers';
import { DeadlineEscalations } from './casework/deadline-escalations';
import { EscalationRecipients } from './casework/escalation-recipients';

/** Every service of the application domain; all are used by the api, the worker or the CLI. */
const SERVICES = [
  Acknowledgements,
  DeadlineEscalations,
  EscalationRecipients,
  IntakeService,
  IntakeStore,
  ApplicationAttachments,
  { provide: ATTACHMENT_STORE, inject: [ENVIRONMENT], useFactory: (env: Environment) => new DiskAttachmentStore(env.ATTACHMENTS_DIR) },
  StatusLookupService,
  AccessCodes,
  ApplicationAccess,
  ApplicationChanges,
  CitizenNotices,
  CitizenProof,
  HistoryVerifier,
  ...INBOX_PROVIDERS,
  DashboardService,
  DashboardRollups,
  PublicStatisticsService,
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
  SmsConversation,
  InboundMessages,
  PhoneApplications,
  SmsOptOuts,
  TopicGuess,
  VoiceMenu,
  ApplicationDeadlines,
  DeadlineExtensions,
  InterimAnswers,
];

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationEvent]), CatalogueModule, DirectoryModule, NotificationsModule, SlaModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ApplicationsModule {}
