import { Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { ApiClients, looksLikeApiKey } from '@petitio/api-clients';
import { AttemptCounter, ENVIRONMENT, Environment, ForbiddenError, TooManyRequestsError, UnauthenticatedError, isUuid } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const AGENCY_API = 'petitio:agency-api';

/**
 * Marks a staff route an agency's case system may also call, with its agency API key as the bearer token.
 * It then acts as its integration account: the same service, the same rules, the same history as staff.
 */
export const AgencyApi = () => SetMetadata(AGENCY_API, true);

/** Whether the request's bearer token is an API key rather than a staff session. */
export function bearerApiKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  return token && looksLikeApiKey(token) ? token : undefined;
}

/**
 * Signs in an agency's case system by its key: every call is kept (route, application, answer), a route not
 * marked @AgencyApi is refused, and each key has its own rate limit.
 */
@Injectable()
export class AgencyApiCaller {
  private readonly logger = new Logger(AgencyApiCaller.name);

  constructor(
    private readonly clients: ApiClients,
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async principal(key: string, request: FastifyRequest, reply: FastifyReply, routeAllowed: boolean): Promise<StaffPrincipal> {
    const caller = await this.clients.authenticateAgency(key);
    if (!caller) throw new UnauthenticatedError('AGENCY_API_KEY_INVALID');
    this.recordWhenAnswered(caller.client.id, request, reply);
    if (!routeAllowed) throw new ForbiddenError('FORBIDDEN:agency_api_route');
    const window = await this.attempts.increment(`agency-api:${caller.client.id}`, 60);
    if (window.count > this.env.AGENCY_API_REQUESTS_PER_MINUTE) throw new TooManyRequestsError(window.retryAfterSeconds);
    return caller.principal;
  }

  /** Once the answer is sent, with its status: refusals are kept too. A lost record is logged, never the call failed. */
  private recordWhenAnswered(clientId: string, request: FastifyRequest, reply: FastifyReply): void {
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const applicationId = params.id && isUuid(params.id) ? params.id : null;
    const route = request.routeOptions?.url ?? 'unknown';
    reply.raw.once('finish', () => {
      this.clients.recordCall(clientId, { method: request.method, route, applicationId, statusCode: reply.raw.statusCode }).catch((error: Error) => {
        this.logger.error({ msg: 'API call not recorded', clientId, route, err: error.message });
      });
    });
  }
}
