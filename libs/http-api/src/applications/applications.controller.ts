import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IntakeService, StatusLookupService } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { ENVIRONMENT, Environment, InvalidInputError, supportedLanguages } from '@petitio/platform';
import type { FastifyReply } from 'fastify';
import { AccessCodeNotInUrlGuard } from '@petitio/web-kit';
import { StatusLookupRateLimitGuard } from '@petitio/web-kit';
import { JsonBodyGuard } from '../json-body.guard';
import { negotiateLanguage } from '@petitio/web-kit';
import { LookupClient } from '@petitio/web-kit';
import { PublicStatusResponse, ReceiptResponse } from '@petitio/api-contracts';
import { CreateApplicationDto } from '@petitio/api-contracts';
import { idempotencyKeyOf, toNewApplication, toReceiptResponse } from '@petitio/api-contracts';

@ApiTags('applications')
@Controller('api/v1/applications')
@UseGuards(JsonBodyGuard)
export class ApplicationsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly statusLookup: StatusLookupService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit an application', description: 'Answers once the application is safely stored.' })
  @ApiBody({ type: CreateApplicationDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer' })
  @ApiCreatedResponse({ type: ReceiptResponse })
  async submit(
    @Body() dto: CreateApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReceiptResponse> {
    const language = negotiateLanguage(supportedLanguages(this.env), acceptLanguage);
    const receipt = await this.intake.submit(toNewApplication(dto, 'web', { type: 'citizen' }, language), idempotencyKeyOf(idempotencyKey));
    if (receipt.replayed) void reply.header('idempotent-replayed', 'true');
    return toReceiptResponse(receipt);
  }

  @Get(':trackingNumber/status')
  @UseGuards(new AccessCodeNotInUrlGuard('header'), StatusLookupRateLimitGuard)
  @ApiOperation({
    summary: 'Follow an application',
    description: 'Needs the access code in the X-Access-Code header (an accessCode query parameter is refused with 400); returns no personal data.',
  })
  @ApiHeader({ name: 'X-Access-Code', required: true, description: 'The access code given at submission' })
  @ApiQuery({ name: 'lang', required: false })
  @ApiOkResponse({ type: PublicStatusResponse })
  async status(
    @Param('trackingNumber') trackingNumber: string,
    @Headers('x-access-code') accessCode: string | undefined,
    @Query('lang') lang: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @LookupClient() client: string,
  ): Promise<PublicStatusResponse> {
    if (!accessCode || typeof accessCode !== 'string') {
      throw new InvalidInputError([{ field: 'accessCode', code: 'required', sentence: 'access_code_header' }]);
    }
    const language = negotiateLanguage(supportedLanguages(this.env), acceptLanguage, lang);
    const status = await this.statusLookup.lookup(trackingNumber, accessCode, client, language);
    return {
      ...status,
      trackingNumber: formatTrackingNumber(status.trackingNumber),
      submittedAt: status.submittedAt.toISOString(),
      updatedAt: status.updatedAt.toISOString(),
      history: status.history.map((h) => ({ ...h, at: h.at.toISOString() })),
      messages: status.messages.map((m) => ({ ...m, at: m.at.toISOString() })),
    };
  }
}
