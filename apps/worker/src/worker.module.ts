import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { PlatformModule, ENVIRONMENT, Environment, OutboxRelay, QueueName, forBullMq, workerRedisOptions } from '@petitio/platform';
import { IntakeModule } from '@petitio/intake';
import { CaseworkModule } from '@petitio/casework';
import { InboxModule } from '@petitio/inbox';
import { ReportingModule } from '@petitio/reporting';
import { AuditModule } from '@petitio/audit';
import { ChannelsModule } from '@petitio/channels';
import { ApplicationsModule } from '@petitio/applications';
import { NotificationDeliveryModule } from '@petitio/message-delivery';
import { NotificationsModule } from '@petitio/notifications';
import { RoutingModule } from '@petitio/routing';
import { SlaModule } from '@petitio/sla';
import { AcknowledgementProcessor } from './acknowledgement.processor';
import { AutoAssignmentProcessor } from './auto-assignment.processor';
import { DeadlinesProcessor } from './deadlines.processor';
import { EscalationSweeper } from './escalation.sweeper';
import { DashboardRollupsRefresher } from './dashboard-rollups.refresher';
import { EscalationsProcessor } from './escalations.processor';
import { NotificationsProcessor } from './notifications.processor';
import { QueueDepthCollector } from './queue-depth.collector';
import { RoutingProcessor } from './routing.processor';
import { SlaPolicyChangesProcessor } from './sla-policy-changes.processor';
import { StrandedWorkSweeper } from './stranded-work.sweeper';
import { WebhooksModule } from '@petitio/webhooks';
import { WebhooksProcessor } from './webhooks.processor';
import { WebhooksSweeper } from './webhooks.sweeper';

@Module({
  imports: [
    PlatformModule,
    BullModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({ connection: forBullMq(workerRedisOptions(env)), prefix: env.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QueueName.Routing }),
    BullModule.registerQueue({ name: QueueName.Notifications }),
    BullModule.registerQueue({ name: QueueName.Assignment }),
    BullModule.registerQueue({ name: QueueName.Acknowledgement }),
    BullModule.registerQueue({ name: QueueName.Deadlines }),
    BullModule.registerQueue({ name: QueueName.Escalations }),
    BullModule.registerQueue({ name: QueueName.SlaPolicyChanges }),
    BullModule.registerQueue({ name: QueueName.Webhooks }),
    ApplicationsModule,
    IntakeModule,
    CaseworkModule,
    InboxModule,
    ReportingModule,
    AuditModule,
    ChannelsModule,
    NotificationDeliveryModule,
    NotificationsModule,
    RoutingModule,
    SlaModule,
    WebhooksModule,
  ],
  providers: [
    RoutingProcessor,
    NotificationsProcessor,
    AutoAssignmentProcessor,
    AcknowledgementProcessor,
    DeadlinesProcessor,
    EscalationsProcessor,
    EscalationSweeper,
    DashboardRollupsRefresher,
    SlaPolicyChangesProcessor,
    StrandedWorkSweeper,
    QueueDepthCollector,
    WebhooksProcessor,
    WebhooksSweeper,
  ],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
