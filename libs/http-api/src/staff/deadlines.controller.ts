import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadlineExtensions } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { VersionedActionDto } from '@petitio/api-contracts';
import { DeadlineParams, ExtensionDto, DeadlineResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** An application's legal deadlines, as staff may act on them. */
@ApiTags('staff: casework')
@ApiBearerAuth()
@Controller('api/v1/staff/applications/:id/deadlines')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor', 'center_admin')
export class DeadlinesController {
  constructor(private readonly extensions: DeadlineExtensions) {}

  @Post(':kind/extension')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Extend a deadline once, as its policy allows, with a reason the citizen is told',
    description:
      'Law 4982 Art. 11: an information request may take 15 more working days if the applicant is told why before the deadline. ' +
      '409 SLA_EXTENSION_NOT_ALLOWED, SLA_EXTENSION_USED, SLA_CLOCK_PAUSED or SLA_EXTENSION_TOO_LATE; 404 SLA_CLOCK_NOT_FOUND when no such deadline runs.',
  })
  @ApiOkResponse({ type: DeadlineResponse })
  extendDeadline(@Param() params: DeadlineParams, @Body() dto: ExtensionDto, @CurrentStaff() staff: StaffPrincipal): Promise<DeadlineResponse> {
    return this.extensions.extend(staff, params.id, dto.version, params.kind, dto.reason);
  }

  @Post('information')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start the right-to-information deadline on an application that also asks for information',
    description: 'A petition that also asks for a document runs both clocks. 409 SLA_CLOCK_RUNNING when it already runs.',
  })
  @ApiCreatedResponse({ type: DeadlineResponse })
  startInformation(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedActionDto, @CurrentStaff() staff: StaffPrincipal): Promise<DeadlineResponse> {
    return this.extensions.startInformation(staff, id, dto.version);
  }
}
