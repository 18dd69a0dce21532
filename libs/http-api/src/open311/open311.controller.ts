import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiClients } from '@petitio/api-clients';
import { offeredLanguages } from '@petitio/i18n';
import { Open311Requests, Open311Services } from '@petitio/open311';
import { AttemptCounter, ENVIRONMENT, Environment, ForbiddenError, NotFoundError, TooManyRequestsError } from '@petitio/platform';
import { idempotencyKeyOf } from '@petitio/api-contracts';
import { negotiateLanguage } from '@petitio/web-kit';
import { open311Discovery } from './open311-discovery';
import { Open311ErrorFilter } from './open311-errors';
import { CONTENT_TYPES, Open311Format, renderOpen311, splitFormat } from './open311-format';
import { first, open311Query, open311Submission } from './open311-query';

type Params = Record<string, string | string[] | undefined>;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2, its discovery document beside it:
 * city apps, reporting sites and 311 clients list the topics as services, file service requests with a key, and
 * follow them. The format is the path's extension, .json or .xml; errors are the spec's.
 */
@ApiTags('open311')
@Controller('open311')
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  constructor(
    private readonly services: Open311Services,
    private readonly requests: Open311Requests,
    private readonly clients: ApiClients,
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get(':document')
  @ApiOperation({ summary: 'Open311 service discovery (discovery.json or discovery.xml)' })
  discoveryBeside(@Param('document') document: string, @Res({ passthrough: true }) reply: FastifyReply, @Headers('accept-language') acceptLanguage?: string) {
    const { name, format } = this.document(document);
    if (name !== 'discovery') throw new NotFoundError('OPEN311_NOT_FOUND');
    return this.send(reply, format, 'discovery', open311Discovery(this.env, this.language(acceptLanguage)));
  }

  @Get('v2/:document')
  @ApiOperation({
    summary: 'Open311: discovery, the service list (services.json|xml) or service requests (requests.json|xml, with the spec’s filters and page/page_size)',
  })
  async read(
    @Param('document') document: string,
    @Query() query: Params,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const { name, format } = this.document(document);
    const language = this.language(acceptLanguage);
    if (name === 'discovery') return this.send(reply, format, 'discovery', open311Discovery(this.env, language));
    if (name === 'services') return this.send(reply, format, 'services', await this.services.list(language));
    if (name === 'requests') return this.send(reply, format, 'service_requests', await this.requests.list(open311Query(query), language));
    throw new NotFoundError('OPEN311_NOT_FOUND');
  }

  @Get('v2/services/:code')
  @ApiOperation({ summary: 'Open311 service definition: the attributes a request for this service may carry' })
  async definition(@Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply, @Headers('accept-language') acceptLanguage?: string) {
    const { name, format } = this.document(code);
    return this.send(reply, format, 'service_definition', await this.services.definition(name, this.language(acceptLanguage)));
  }

  @Get('v2/requests/:id')
  @ApiOperation({ summary: 'Open311 service request: its status, agency and dates, nothing personal' })
  async one(
    @Param('id') id: string,
    @Query() query: Params,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    const { name, format } = this.document(id);
    const request = await this.requests.one(name, this.language(acceptLanguage), first(query, 'extensions') === 'true');
    return this.send(reply, format, 'service_requests', [request]);
  }

  @Get('v2/tokens/:token')
  @ApiExcludeEndpoint()
  token(@Param('token') token: string): never {
    this.document(token);
    throw new NotFoundError('TOKEN_NOT_FOUND');
  }

  @Post('v2/:document')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open311: file a service request (form-encoded, api_key required); it goes through intake like every channel' })
  async create(
    @Param('document') document: string,
    @Body() body: Params,
    @Query() query: Params,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<string> {
    const { name, format } = this.document(document);
    if (name !== 'requests') throw new NotFoundError('OPEN311_NOT_FOUND');
    // The spec puts the key in the body; some clients send it in the query string.
    const client = await this.clients.authenticate(first(body ?? {}, 'api_key') ?? first(query, 'api_key'), 'open311');
    if (!client) throw new ForbiddenError('API_KEY_INVALID');
    const window = await this.attempts.increment(`open311:${client.id}`, 60);
    if (window.count > this.env.OPEN311_REQUESTS_PER_MINUTE) throw new TooManyRequestsError(window.retryAfterSeconds);
    const receipt = await this.requests.submit(open311Submission(body ?? {}), this.language(acceptLanguage), client.id, idempotencyKeyOf(idempotencyKey));
    return this.send(reply, format, 'service_requests', [receipt]);
  }

  private document(segment: string): { name: string; format: Open311Format } {
    const parsed = splitFormat(segment);
    if (!parsed) throw new NotFoundError('OPEN311_NOT_FOUND');
    return parsed;
  }

  private language(acceptLanguage: string | undefined): string {
    return negotiateLanguage(offeredLanguages('open311'), acceptLanguage);
  }

  private send(reply: FastifyReply, format: Open311Format, root: string, value: unknown): string {
    void reply.header('content-type', CONTENT_TYPES[format]);
    return renderOpen311(format, root, value);
  }
}
