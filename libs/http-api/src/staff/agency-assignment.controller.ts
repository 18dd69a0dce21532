import { Body, Controller, Get, Param, ParseUUIDPipe, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignmentSettingsView, AutoAssignmentSettings } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { AssignmentSettingsDto, AssignmentSettingsResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** How an agency's routed applications find an officer. */
@ApiTags('staff: casework')
@ApiBearerAuth()
@Controller('api/v1/staff/agencies/:agencyId/assignment')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class AgencyAssignmentController {
  constructor(private readonly settings: AutoAssignmentSettings) {}

  @Get()
  @Roles('officer', 'supervisor', 'center_admin')
  @ApiOkResponse({ type: AssignmentSettingsResponse })
  get(@Param('agencyId', ParseUUIDPipe) agencyId: string, @CurrentStaff() staff: StaffPrincipal): Promise<AssignmentSettingsView> {
    return this.settings.get(staff, agencyId);
  }

  @Put()
  @Roles('supervisor', 'center_admin')
  @ApiOperation({
    summary: 'Choose the assignment mode',
    description: 'manual; round_robin (the next on-duty officer in turn); least_loaded (the on-duty officer with the fewest open applications).',
  })
  @ApiOkResponse({ type: AssignmentSettingsResponse })
  set(
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Body() dto: AssignmentSettingsDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<AssignmentSettingsView> {
    return this.settings.set(staff, agencyId, dto.mode);
  }
}
