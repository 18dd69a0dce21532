import { Module } from '@nestjs/common';
import { ApiClientsModule } from '@petitio/api-clients';
import { Open311Module } from '@petitio/open311';
import { WebhooksModule } from '@petitio/webhooks';
import { ApplicationsModule } from '@petitio/applications';
import { AuditModule } from '@petitio/audit';
import { CaseworkModule } from '@petitio/casework';
import { CatalogueModule } from '@petitio/catalogue';
import { ChannelsModule } from '@petitio/channels';
import { DirectoryModule } from '@petitio/directory';
import { InboxModule } from '@petitio/inbox';
import { IntakeModule } from '@petitio/intake';
import { SmsDeliveryReports, TwilioWebhooksModule } from '@petitio/message-delivery';
import { NotificationsModule } from '@petitio/notifications';
import { ReportingModule } from '@petitio/reporting';
import { RoutingModule } from '@petitio/routing';
import { SlaModule } from '@petitio/sla';
import { StaffModule } from '@petitio/staff';
import { AgenciesController } from './staff/agencies.controller';
import { AgencyAssignmentController } from './staff/agency-assignment.controller';
import { AgentIntakeController } from './staff/agent-intake.controller';
import { ApplicationsController } from './applications/applications.controller';
import { AttachmentsController } from './staff/attachments.controller';
import { CalendarClosuresController } from './staff/calendar-closures.controller';
import { CannedResponsesController } from './staff/canned-responses.controller';
import { CaseworkController } from './staff/casework.controller';
import { CaseworkDispositionController } from './staff/casework-disposition.controller';
import { CitizenFeedbackController } from './applications/citizen-feedback.controller';
import { CitizenRepliesController } from './applications/citizen-replies.controller';
import { DeadlinesController } from './staff/deadlines.controller';
import { InboxController } from './staff/inbox.controller';
import { InterimAnswersController } from './staff/interim-answers.controller';
import { ReasonCodesController } from './staff/reason-codes.controller';
import { RoutingRulesController } from './staff/routing-rules.controller';
import { SlaPoliciesController } from './staff/sla-policies.controller';
import { StaffAuthController } from './staff/staff-auth.controller';
import { StaffAuthGuard } from './staff/staff-auth.guard';
import { AgencyApiCaller } from './staff/agency-api-caller';
import { StaffUsersController } from './staff/staff-users.controller';
import { TopicsController } from './staff/topics.controller';
import { TwilioSmsController } from './webhooks/twilio-sms.controller';
import { TwilioStatusController } from './webhooks/twilio-status.controller';
import { TwilioVoiceController } from './webhooks/twilio-voice.controller';
import { Open311Controller } from './open311/open311.controller';
import { ApiClientsController } from './staff/api-clients.controller';
import { WebhooksController } from './staff/webhooks.controller';

/** The JSON API (/api/v1) and the provider webhooks (/webhooks): controllers that parse, authorise, call a domain service and map its answer. */
@Module({
  imports: [
    ApplicationsModule,
    IntakeModule,
    CaseworkModule,
    InboxModule,
    ReportingModule,
    AuditModule,
    ChannelsModule,
    StaffModule,
    NotificationsModule,
    TwilioWebhooksModule,
    SlaModule,
    RoutingModule,
    DirectoryModule,
    CatalogueModule,
    ApiClientsModule,
    Open311Module,
    WebhooksModule,
  ],
  controllers: [
    ApplicationsController,
    StaffAuthController,
    StaffUsersController,
    CaseworkController,
    CannedResponsesController,
    AgencyAssignmentController,
    CitizenRepliesController,
    CaseworkDispositionController,
    ReasonCodesController,
    CitizenFeedbackController,
    InboxController,
    AttachmentsController,
    AgentIntakeController,
    TwilioSmsController,
    TwilioVoiceController,
    TwilioStatusController,
    CalendarClosuresController,
    SlaPoliciesController,
    RoutingRulesController,
    DeadlinesController,
    InterimAnswersController,
    AgenciesController,
    TopicsController,
    Open311Controller,
    ApiClientsController,
    WebhooksController,
  ],
  providers: [StaffAuthGuard, AgencyApiCaller, SmsDeliveryReports],
  exports: [StaffAuthGuard],
})
export class HttpApiModule {}
