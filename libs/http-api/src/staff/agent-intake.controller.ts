import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallerApplicationsService } from '@petitio/inbox';
import { IntakeService } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { ENVIRONMENT, Environment, supportedLanguages } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply } from 'fastify';
import { idempotencyKeyOf, toNewApplication, toReceiptResponse } from '@petitio/api-contracts';
import { CreateApplicationDto } from '@petitio/api-contracts';
import { JsonBodyGuard } from '../json-body.guard';
import { negotiateLanguage } from '@petitio/web-kit';
import { AgentReceiptResponse, CallerApplicationsResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** The same rule as web intake's Idempotency-Key. */

@ApiTags('staff: call center')
@ApiBearerAuth()
@Controller('api/v1/staff')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class AgentIntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly callers: CallerApplicationsService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Post('applications')
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({
    summary: 'File an application for a caller',
    description: 'Same fields and checks as web intake; read the tracking number and access code back to the caller.',
  })
  @ApiBody({ type: CreateApplicationDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer' })
  @ApiCreatedResponse({ type: AgentReceiptResponse })
  async submit(
    @Body() dto: CreateApplicationDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgentReceiptResponse> {
    const language = negotiateLanguage(supportedLanguages(this.env), acceptLanguage);
    const receipt = await this.intake.submit(toNewApplication(dto, 'agent', { type: 'staff', id: staff.userId }, language), idempotencyKeyOf(idempotencyKey));
    if (receipt.replayed) void reply.header('idempotent-replayed', 'true');
    return { applicationId: receipt.applicationId, ...toReceiptResponse(receipt) };
  }

  @Get('callers/:phone/applications')
  @Roles('agent', 'center_admin')
  @ApiOperation({
    summary: "A caller's applications, found by phone number",
    description: 'Across every agency, newest first, at most 20; national or international form. Each application shown is recorded as a personal data read.',
  })
  @ApiOkResponse({ type: CallerApplicationsResponse })
  async byPhone(
    @Param('phone') phone: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<CallerApplicationsResponse> {
    const found = await this.callers.byPhone(staff, phone, negotiateLanguage(supportedLanguages(this.env), acceptLanguage));
    return {
      items: found.map((a) => ({
        trackingNumber: formatTrackingNumber(a.trackingNumber),
        type: a.type,
        topic: a.topic,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        agency: a.agency,
      })),
    };
  }
}
