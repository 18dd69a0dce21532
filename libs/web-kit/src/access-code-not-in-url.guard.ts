import { CanActivate, ExecutionContext } from '@nestjs/common';
import { InvalidInputError } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';

const ACCESS_CODE_PARAM = /^access[-_]?code$/i;

/**
 * Refuses an access code in the query string, even next to a good one elsewhere: URLs end up in proxy and
 * access logs and browser history. `sendItIn` tells the client where the code belongs on this route.
 */
export class AccessCodeNotInUrlGuard implements CanActivate {
  constructor(private readonly sendItIn: 'header' | 'body') {}

  canActivate(context: ExecutionContext): boolean {
    const query = (context.switchToHttp().getRequest<FastifyRequest>().query ?? {}) as Record<string, unknown>;
    if (!Object.keys(query).some((name) => ACCESS_CODE_PARAM.test(name))) return true;
    throw new InvalidInputError([{ field: 'accessCode', code: 'not_in_url', args: { place: this.sendItIn } }]);
  }
}
