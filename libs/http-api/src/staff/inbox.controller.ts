import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationDetail, ApplicationDetailService, InboxItem, InboxService } from '@petitio/inbox';
import { formatTrackingNumber } from '@petitio/applications';
import { ENVIRONMENT, Environment, supportedLanguages } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { negotiateLanguage } from '@petitio/web-kit';
import { InboxQueryDto, RevealDto, inboxQueryOf } from '@petitio/api-contracts';
import { ApplicationDetailResponse, InboxItemResponse, InboxPageResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';
import { AgencyApi } from './agency-api-caller';

@ApiTags('staff: inbox')
@ApiBearerAuth()
@Controller('api/v1/staff/applications')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor', 'center_admin', 'agent', 'data_protection')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly details: ApplicationDetailService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  @AgencyApi()
  @ApiOperation({
    summary: 'The inbox: applications in your reach',
    description: 'Officers see their agency, supervisors its subtree, the center everything, agents what they filed. Newest first by default.',
  })
  @ApiOkResponse({ type: InboxPageResponse })
  async list(
    @Query() query: InboxQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<InboxPageResponse> {
    const page = await this.inbox.list(staff, inboxQueryOf(query), this.language(acceptLanguage));
    return { items: page.items.map(itemResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @AgencyApi()
  @ApiOperation({
    summary: 'One application with its history and messages, pseudonymised',
    description: 'The citizen is a pseudonym and identifiers in the text are redacted; POST ./reveal, with a reason, to see them.',
  })
  @ApiOkResponse({ type: ApplicationDetailResponse })
  async find(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ApplicationDetailResponse> {
    return detailResponse(await this.details.find(staff, id, this.language(acceptLanguage)));
  }

  /** A POST, not a GET: a reveal is an act on record, never cached, prefetched or left in a browser's history. */
  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reveal the citizen's identity and the text as written, stating why",
    description:
      'Officers, supervisors and center admins on applications in their reach; a confidential filing only the center’s data-protection officer. Recorded in personal_data_reads with the reason and shown to supervisors.',
  })
  @ApiOkResponse({ type: ApplicationDetailResponse })
  async reveal(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevealDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ApplicationDetailResponse> {
    return detailResponse(await this.details.find(staff, id, this.language(acceptLanguage), { reason: dto.reason.trim() }));
  }

  private language(acceptLanguage: string | undefined): string {
    return negotiateLanguage(supportedLanguages(this.env), acceptLanguage);
  }
}

function detailResponse(a: ApplicationDetail): ApplicationDetailResponse {
  return {
    ...a,
    ...itemResponse(a),
    routedAt: iso(a.routedAt),
    answeredAt: iso(a.answeredAt),
    closedAt: iso(a.closedAt),
    history: a.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    messages: a.messages.map((m) => ({ ...m, at: m.at.toISOString() })),
    deadlines: a.deadlines.map((d) => ({
      ...d,
      deadline: iso(d.deadline),
      breachedAt: iso(d.breachedAt),
      escalations: d.escalations.map((e) => ({ ...e, dueAt: iso(e.dueAt)!, firedAt: iso(e.firedAt)! })),
    })),
    reveals: a.reveals.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

function itemResponse(item: InboxItem): InboxItemResponse {
  return {
    id: item.id,
    trackingNumber: formatTrackingNumber(item.trackingNumber),
    type: item.type,
    topic: item.topic,
    subject: item.subject,
    status: item.status,
    channel: item.channel,
    agency: item.agency,
    assignedOfficer: item.assignedOfficer,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
    confidential: item.confidential,
    sla: item.sla && { ...item.sla, deadline: iso(item.sla.deadline) },
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
