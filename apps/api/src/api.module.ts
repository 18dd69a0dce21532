import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpApiModule } from '@petitio/http-api';
import { PlatformModule } from '@petitio/platform';
import { ConsoleAdminModule } from '@petitio/web-admin';
import { ConsoleModule } from '@petitio/web-console';
import { ConsoleDashboardModule } from '@petitio/web-dashboard';
import { ConsoleInboxModule } from '@petitio/web-inbox';
import { PortalModule } from '@petitio/web-portal';
import { ProblemFilter } from './http/problem.filter';

/** The api process: the JSON API and webhooks, the citizen portal and the staff console, one error mapping for all. */
@Module({
  imports: [PlatformModule, HttpApiModule, PortalModule, ConsoleModule, ConsoleInboxModule, ConsoleDashboardModule, ConsoleAdminModule],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class ApiModule {}
