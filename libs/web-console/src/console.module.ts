import { Module } from '@nestjs/common';
import { StaffModule } from '@petitio/staff';
import { ConsoleCsrf } from './console-csrf';
import { ConsoleErrorFilter } from './console-errors.filter';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleSetPasswordController } from './set-password.controller';
import { ConsoleSignInController } from './sign-in.controller';

const SHELL = [ConsoleCsrf, ConsoleSessionGuard, ConsoleErrorFilter];

/** The staff console's shell under /staff: sign-in, set-password, the session, CSRF and error pages every console page uses. */
@Module({
  imports: [StaffModule],
  controllers: [ConsoleSignInController, ConsoleSetPasswordController],
  providers: SHELL,
  exports: SHELL,
})
export class ConsoleModule {}
