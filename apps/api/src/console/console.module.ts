import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@petitio/applications';
import { StaffModule } from '@petitio/staff';
import { ConsoleApplicationController } from './application.controller';
import { ConsoleCsrf } from './console-csrf';
import { ConsoleErrorFilter } from './console-errors.filter';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleInboxController } from './inbox.controller';
import { ConsoleSignInController } from './sign-in.controller';

/** The staff console: server-rendered pages under /staff over the same services as the JSON staff API. */
@Module({
  imports: [ApplicationsModule, StaffModule],
  controllers: [ConsoleSignInController, ConsoleInboxController, ConsoleApplicationController],
  providers: [ConsoleCsrf, ConsoleSessionGuard, ConsoleErrorFilter],
})
export class ConsoleModule {}
