import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@petitio/applications';
import { DashboardRollups } from './dashboard-rollups';
import { DashboardService } from './dashboard.service';
import { PublicStatisticsService } from './public-statistics.service';

/** Figures over many applications: the SLA dashboard, its rollups and the public statistics. */
const SERVICES = [DashboardService, DashboardRollups, PublicStatisticsService];

@Module({
  imports: [ApplicationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportingModule {}
