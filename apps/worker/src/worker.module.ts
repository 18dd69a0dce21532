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
import { RoutingModule } from '@petitio/routing';
import { QueueDepthCollector } from './queue-depth.collector';
import { RoutingProcessor } from './routing.processor';
import { RoutingSweeper } from './routing-sweeper';

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
    RoutingModule,
  ],
  providers: [RoutingProcessor, RoutingSweeper, QueueDepthCollector],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
