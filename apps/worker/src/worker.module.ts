import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import {
  ClockModule,
  DatabaseModule,
  ENVIRONMENT,
  Environment,
  EnvironmentModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  OutboxModule,
  SecurityModule,
  RateLimitModule,
  OutboxRelay,
  QueueName,
  forBullMq,
  workerRedisOptions,
} from '@petitio/platform';
import { ApplicationsModule } from '@petitio/applications';
import { NotificationDeliveryModule, NotificationsModule } from '@petitio/notifications';
import { RoutingModule } from '@petitio/routing';
import { AcknowledgementProcessor } from './acknowledgement.processor';
import { AutoAssignmentProcessor } from './auto-assignment.processor';
import { NotificationsProcessor } from './notifications.processor';
import { QueueDepthCollector } from './queue-depth.collector';
import { RoutingProcessor } from './routing.processor';
import { StrandedWorkSweeper } from './stranded-work.sweeper';

@Module({
  imports: [
    EnvironmentModule,
    LoggingModule,
    DatabaseModule,
    ClockModule,
    MetricsModule,
    OutboxModule,
    SecurityModule,
    RateLimitModule,
    HealthModule,
    BullModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({ connection: forBullMq(workerRedisOptions(env)), prefix: env.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QueueName.Routing }),
    BullModule.registerQueue({ name: QueueName.Notifications }),
    BullModule.registerQueue({ name: QueueName.Assignment }),
    BullModule.registerQueue({ name: QueueName.Acknowledgement }),
    ApplicationsModule,
    NotificationDeliveryModule,
    NotificationsModule,
    RoutingModule,
  ],
  providers: [RoutingProcessor, NotificationsProcessor, AutoAssignmentProcessor, AcknowledgementProcessor, StrandedWorkSweeper, QueueDepthCollector],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
