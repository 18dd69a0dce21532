import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApplicationsModule } from '@petitio/applications';
import { StaffModule } from '@petitio/staff';
import {
  ClockModule,
  DatabaseModule,
  EnvironmentModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  OutboxModule,
  RateLimitModule,
  SecurityModule,
} from '@petitio/platform';
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
import { AgentIntakeController } from './staff/agent-intake.controller';

@Module({
  imports: [
    EnvironmentModule,
    LoggingModule,
    DatabaseModule,
    ClockModule,
    MetricsModule,
    OutboxModule,
    RateLimitModule,
    SecurityModule,
    HealthModule,
    ApplicationsModule,
    StaffModule,
  ],
  controllers: [ApplicationsController, StaffAuthController, StaffUsersController, InboxController, AgentIntakeController, CaseworkDispositionController, ReasonCodesController, CitizenFeedbackController, CaseworkController, CannedResponsesController, AgencyAssignmentController, CitizenRepliesController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, StaffAuthGuard],
})
export class ApiModule {}
