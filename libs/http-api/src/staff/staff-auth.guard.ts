import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@petitio/platform';
import { StaffPrincipal, StaffRole, StaffSessionsService } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AGENCY_API, AgencyApiCaller, bearerApiKey } from './agency-api-caller';

export const SESSION_COOKIE = 'petitio_session';
export const ROLES = 'petitio:roles';

/** Roles allowed on a staff route; a user needs any one of them. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

type StaffRequest = FastifyRequest & { staff?: StaffPrincipal };

/** The signed-in staff user, set by StaffAuthGuard. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const principal = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});

/**
 * Authenticates a staff request by its session token (Authorization: Bearer, or the session
 * cookie the console uses), or an agency's case system by its API key on the routes that allow
 * it, and checks the route's roles.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: StaffSessionsService,
    private readonly reflector: Reflector,
    private readonly agencyApi: AgencyApiCaller,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const apiKey = bearerApiKey(request);
    if (apiKey) {
      const allowed = this.reflector.getAllAndOverride<boolean | undefined>(AGENCY_API, [context.getHandler(), context.getClass()]) === true;
      request.staff = await this.agencyApi.principal(apiKey, request, context.switchToHttp().getResponse<FastifyReply>(), allowed);
    } else {
      const token = sessionToken(request);
      if (!token) throw new UnauthenticatedError();
      request.staff = await this.sessions.authenticate(token);
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.some((r) => request.staff!.roles.includes(r))) throw new ForbiddenError();
    return true;
  }
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return cookieValue(request, SESSION_COOKIE);
}

/** One cookie of the request, or undefined when it is missing or empty. */
export function cookieValue(request: FastifyRequest, cookieName: string): string | undefined {
  const cookie = request.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) {
      try {
        return decodeURIComponent(rest.join('=')) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
