import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { NotificationsModule } from '@petitio/notifications';
import { SlaModule } from '@petitio/sla';
import { ApplicationsModule } from '@petitio/applications';
import { DashboardRollups } from './dashboard-rollups';
import { DashboardService } from './dashboard.service';
import { PublicStatisticsService } from './public-statistics.service';

/** Figures over many applications: the SLA dashboard, its rollups and the public statistics. */
const SERVICES = [DashboardService, DashboardRollups, PublicStatisticsService];

@Module({
  imports: [ApplicationsModule, CatalogueModule, DirectoryModule, NotificationsModule, SlaModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportingModule {}
