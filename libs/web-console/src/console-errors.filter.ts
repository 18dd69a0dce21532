import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { ENVIRONMENT, Environment, ForbiddenError, UnauthenticatedError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '@petitio/web-kit';
import { ConsoleCsrf } from './console-csrf';
import { consoleLanguage } from './console-language';
import { sendConsolePage, seeOther } from './console-response';
import { clearedSessionCookie } from './console-session';
import { ConsoleFormRefusedError } from './console-session.guard';
import { ConsoleErrorKind, consoleErrorPage } from './views/error.view';

/**
 * What went wrong on a console page, as a page: no session goes to the sign-in page (303, clearing a dead
 * cookie), a refused form or role is a 403 page, an application out of reach the same 404 as a missing one.
 */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  constructor(
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest & { staff?: StaffPrincipal }>();
    if (error instanceof UnauthenticatedError) {
      return seeOther(reply, '/staff/sign-in', request.headers.cookie ? [clearedSessionCookie(this.env)] : []);
    }
    const { problem, headers } = toProblem(error);
    const status = error instanceof ConsoleFormRefusedError || error instanceof ForbiddenError ? 403 : problem.statusCode;
    const kind: ConsoleErrorKind =
      error instanceof ConsoleFormRefusedError
        ? 'formExpired'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'notFound'
            : status === 409 || status === 422
              ? 'conflict'
              : status === 429
                ? 'tooMany'
                : status < 500
                  ? 'badRequest'
                  : 'server';
    if (problem.statusCode >= 500) {
      const e = error as Error;
      this.logger.error({ msg: 'console page failed', reqId: request.id, err: { name: e?.name, message: e?.message, stack: e?.stack } });
    }
    void reply.headers(headers);
    const signedIn = request.staff ? { csrf: this.csrf.tokenFor(request.staff.sessionId), roles: request.staff.roles } : undefined;
    sendConsolePage(reply, status, consoleErrorPage(consoleLanguage(request), kind, signedIn));
  }
}
