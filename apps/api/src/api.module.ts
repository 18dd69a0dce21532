import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApplicationsModule } from '@petitio/applications';
import {
  ClockModule,
  DatabaseModule,
  EnvironmentModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  OutboxModule,
  RateLimitModule,
} from '@petitio/platform';
import { ApplicationsController } from './applications/applications.controller';
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
    HealthModule,
    ApplicationsModule,
  ],
  controllers: [ApplicationsController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class ApiModule {}
