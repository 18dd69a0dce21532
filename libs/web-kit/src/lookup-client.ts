import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { clientAddressHash } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';

export interface LookupClientRequest {
  lookupClient?: string;
}

/** Who is looking up a status, as counters see them: a keyed hash of the address, so Redis never holds one. */
export function lookupClientKey(address: string, secret: string): string {
  return clientAddressHash(secret, address, 'lookup-client').toString('base64url').slice(0, 22);
}

/** The client key StatusLookupRateLimitGuard put on the request; a route without that guard is a bug. */
export const LookupClient = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const key = context.switchToHttp().getRequest<FastifyRequest & LookupClientRequest>().lookupClient;
  if (!key) throw new Error('@LookupClient() needs StatusLookupRateLimitGuard on the route');
  return key;
});
