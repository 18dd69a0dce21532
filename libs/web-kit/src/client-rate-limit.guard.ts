import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AttemptCounter, ENVIRONMENT, Environment, TooManyRequestsError } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';
import { LookupClientRequest, lookupClientKey } from './lookup-client';

/**
 * Limits how often one client address may look up statuses, across every api process, and names the client
 * for the routes' @LookupClient() (the per-number failure counts in CitizenProof).
 */
@Injectable()
export class StatusLookupRateLimitGuard implements CanActivate {
  constructor(
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & LookupClientRequest>();
    // request.ip is the socket's address unless TRUST_PROXY names the proxies whose X-Forwarded-For counts.
    request.lookupClient = lookupClientKey(request.ip, this.env.ACCESS_CODE_SECRET);
    const { count, retryAfterSeconds } = await this.attempts.increment(`lookup-ip:${request.lookupClient}`, 60);
    if (count > this.env.STATUS_LOOKUP_LIMIT_PER_MINUTE) throw new TooManyRequestsError(retryAfterSeconds);
    return true;
  }
}
