import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { IntakeModule } from '@petitio/intake';
import { CaseworkModule } from '@petitio/casework';
import { InboxModule } from '@petitio/inbox';
import { ReportingModule } from '@petitio/reporting';
import { AuditModule } from '@petitio/audit';
import { ChannelsModule } from '@petitio/channels';
import { ApplicationsModule } from '@petitio/applications';
import { StaffModule } from '@petitio/staff';
import { PlatformModule } from '@petitio/platform';
import { ApplicationsController } from './applications/applications.controller';
import { StaffAuthController } from './staff/staff-auth.controller';
import { StaffUsersController } from './staff/staff-users.controller';
import { StaffAuthGuard } from './staff/staff-auth.guard';
import { ProblemFilter } from './http/problem.filter';
import { CaseworkController } from './staff/casework.controller';
import { CannedResponsesController } from './staff/canned-responses.controller';
import { AgencyAssignmentController } from './staff/agency-assignment.controller';
import { CitizenRepliesController } from './applications/citizen-replies.controller';
import { CaseworkDispositionController } from './staff/casework-disposition.controller';
import { ReasonCodesController } from './staff/reason-codes.controller';
import { CitizenFeedbackController } from './applications/citizen-feedback.controller';
import { InboxController } from './staff/inbox.controller';
import { AttachmentsController } from './staff/attachments.controller';
import { AgentIntakeController } from './staff/agent-intake.controller';
import { NotificationsModule } from '@petitio/notifications';
import { TwilioSmsController } from './webhooks/twilio-sms.controller';
import { TwilioVoiceController } from './webhooks/twilio-voice.controller';
import { TwilioStatusController } from './webhooks/twilio-status.controller';
import { SmsDeliveryReports, TwilioWebhooksModule } from '@petitio/message-delivery';
import { SlaModule } from '@petitio/sla';
import { CalendarClosuresController } from './staff/calendar-closures.controller';
import { SlaPoliciesController } from './staff/sla-policies.controller';
import { RoutingModule } from '@petitio/routing';
import { RoutingRulesController } from './staff/routing-rules.controller';
import { DeadlinesController } from './staff/deadlines.controller';
import { InterimAnswersController } from './staff/interim-answers.controller';
import { PortalModule } from './portal/portal.module';
import { ConsoleModule } from './console/console.module';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { AgenciesController } from './staff/agencies.controller';
import { TopicsController } from './staff/topics.controller';

@Module({
  imports: [
    PlatformModule,
    ApplicationsModule, IntakeModule, CaseworkModule, InboxModule, ReportingModule, AuditModule, ChannelsModule,
    StaffModule,
    NotificationsModule,
    TwilioWebhooksModule,
    SlaModule,
    RoutingModule,
    PortalModule,
    ConsoleModule,
    DirectoryModule,
    CatalogueModule,
  ],
  controllers: [ApplicationsController, StaffAuthController, StaffUsersController, InboxController, AttachmentsController, AgentIntakeController, CaseworkDispositionController, ReasonCodesController, CitizenFeedbackController, CaseworkController, CannedResponsesController, AgencyAssignmentController, CitizenRepliesController, TwilioSmsController, TwilioVoiceController, TwilioStatusController, CalendarClosuresController,
    SlaPoliciesController, RoutingRulesController,
    DeadlinesController, InterimAnswersController, AgenciesController, TopicsController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, StaffAuthGuard, SmsDeliveryReports],
})
export class ApiModule {}
