import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ENVIRONMENT, Environment, ForbiddenError, UnauthenticatedError } from '@petitio/platform';
import { StaffPrincipal, StaffRole, StaffSessionsService } from '@petitio/staff';
import type { FastifyRequest } from 'fastify';
import { ROLES, cookieValue } from '@petitio/http-api';
import { CSRF_FIELD, ConsoleCsrf } from './console-csrf';
import { CONSOLE_COOKIE, fromOwnPage } from './console-session';

/** A console form that did not come from a console page of this session. */
export class ConsoleFormRefusedError extends ForbiddenError {
  constructor() {
    super('FORBIDDEN:form_not_from_session');
  }
}

type ConsoleRequest = FastifyRequest & { staff?: StaffPrincipal; body?: unknown };

/**
 * Console pages: the session from the console cookie, resolved like StaffAuthGuard resolves a bearer token
 * (same service, same expiry rules), the route's roles (same @Roles), and for every POST the session's form
 * token and our own Origin. No session is UNAUTHENTICATED, which the console's filter turns into the sign-in page.
 */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: StaffSessionsService,
    private readonly reflector: Reflector,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const token = cookieValue(request, CONSOLE_COOKIE);
    if (!token) throw new UnauthenticatedError();
    const staff = await this.sessions.authenticate(token);
    request.staff = staff;
    if (request.method === 'POST') {
      const body = request.body as Record<string, unknown> | undefined;
      if (!fromOwnPage(request, this.env) || !this.csrf.isValid(staff.sessionId, body?.[CSRF_FIELD])) throw new ConsoleFormRefusedError();
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.some((r) => staff.roles.includes(r))) throw new ForbiddenError();
    return true;
  }
}
