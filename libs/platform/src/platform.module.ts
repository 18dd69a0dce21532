import { Module } from '@nestjs/common';
import { EnvironmentModule } from './config/environment.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { OutboxModule } from './outbox/outbox.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SecurityModule } from './security/security.module';
import { ClockModule } from './time/clock.module';

/** What every long-running process (api, worker) stands on: settings, logs, database, clock, metrics, outbox, health. */
@Module({
  imports: [EnvironmentModule, LoggingModule, DatabaseModule, ClockModule, MetricsModule, OutboxModule, RateLimitModule, SecurityModule, HealthModule],
})
export class PlatformModule {}
