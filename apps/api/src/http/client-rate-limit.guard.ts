import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AttemptCounter, ENVIRONMENT, Environment, TooManyRequestsError } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';

/** Limits how often one client address may look up statuses, across every api process. */
@Injectable()
export class StatusLookupRateLimitGuard implements CanActivate {
  constructor(
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { count, retryAfterSeconds } = await this.attempts.increment(`lookup-ip:${request.ip}`, 60);
    if (count > this.env.STATUS_LOOKUP_LIMIT_PER_MINUTE) throw new TooManyRequestsError(retryAfterSeconds);
    return true;
  }
}
