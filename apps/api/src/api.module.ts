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
  controllers: [ApplicationsController, StaffAuthController, StaffUsersController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, StaffAuthGuard],
})
export class ApiModule {}
