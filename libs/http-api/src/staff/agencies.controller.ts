import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgencyAdmin, AgencyAdminView, AgencyBrowser, AgencyLevelEntry, AgencyTreeEntry } from '@petitio/directory';
import { NotFoundError } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { AgencyListQueryDto, AgencyResponse, AgencyTreeEntryResponse, CreateAgencyDto, UpdateAgencyDto, agencyPatch, newAgency } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** The agency directory: center admins keep it; supervisors read their own agency and what lies under it. */
@ApiTags('staff: directory')
@ApiBearerAuth()
@Controller('api/v1/staff/agencies')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class AgenciesController {
  constructor(
    private readonly agencies: AgencyAdmin,
    private readonly browser: AgencyBrowser,
  ) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  @ApiOperation({
    summary: 'The agency tree, parents before children; or one level of it (under), or a search (q)',
    description:
      'Supervisors get their own agency as the one root. For a national directory read a level at a time or search: entries then carry childCount instead of depth.',
  })
  @ApiOkResponse({ type: [AgencyTreeEntryResponse] })
  async list(@Query() query: AgencyListQueryDto, @CurrentStaff() staff: StaffPrincipal): Promise<AgencyTreeEntry[] | AgencyLevelEntry[]> {
    const reach = reachOf(staff);
    if (query.q !== undefined) return this.browser.search(query.q, reach);
    if (query.under !== undefined) {
      const path = query.under ? await this.browser.path(query.under, reach) : [];
      if (query.under && path.length === 0) throw new NotFoundError('AGENCY_NOT_FOUND');
      return this.browser.children(path.at(-1)?.code ?? null, reach);
    }
    return this.agencies.tree(reach);
  }

  @Get(':code')
  @Roles('center_admin', 'supervisor')
  @ApiOperation({ summary: 'One agency' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND, also for an agency outside a supervisor’s subtree' })
  get(@Param('code') code: string, @CurrentStaff() staff: StaffPrincipal): Promise<AgencyAdminView> {
    return this.agencies.get(code, reachOf(staff));
  }

  @Post()
  @HttpCode(201)
  @Roles('center_admin')
  @ApiOperation({ summary: 'Add an agency', description: 'Under an active parent, or as a root. There is exactly one triage unit.' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiConflictResponse({ description: 'AGENCY_CODE_TAKEN' })
  create(@Body() dto: CreateAgencyDto): Promise<AgencyAdminView> {
    return this.agencies.create(newAgency(dto));
  }

  @Patch(':code')
  @Roles('center_admin')
  @ApiOperation({
    summary: 'Rename, move, deactivate or reactivate an agency',
    description: 'Fields left out keep their value. The code and the kind never change.',
  })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiConflictResponse({
    description:
      'Deactivation refused: AGENCY_IS_TRIAGE, AGENCY_HAS_ACTIVE_CHILDREN, AGENCY_IS_TOPIC_DEFAULT, AGENCY_IS_ROUTING_TARGET; AGENCY_PARENT_INACTIVE on reactivation',
  })
  update(@Param('code') code: string, @Body() dto: UpdateAgencyDto): Promise<AgencyAdminView> {
    return this.agencies.update(code, agencyPatch(dto));
  }
}

/** Center admins reach the whole directory; a supervisor their own agency's subtree. */
function reachOf(staff: StaffPrincipal): string | undefined {
  return hasRole(staff, 'center_admin') ? undefined : staff.agencyId;
}
