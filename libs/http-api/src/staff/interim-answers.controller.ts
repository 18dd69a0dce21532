import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseState, InterimAnswers } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CaseStateResponse } from '@petitio/api-contracts';
import { InterimAnswerDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';
import { AgencyApi } from './agency-api-caller';

/** Progress updates to the citizen while the application is still being worked on. */
@ApiTags('staff: casework')
@ApiBearerAuth()
@Controller('api/v1/staff/applications/:id')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor')
export class InterimAnswersController {
  constructor(private readonly interimAnswers: InterimAnswers) {}

  @Post('interim-answers')
  @AgencyApi()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Send the citizen a progress update',
    description:
      'An interim answer, not the answer: the status stays and every deadline keeps running. 409 INTERIM_ANSWER_NOT_ALLOWED unless the application is open at an agency.',
  })
  @ApiCreatedResponse({ type: CaseStateResponse })
  send(@Param('id', ParseUUIDPipe) id: string, @Body() dto: InterimAnswerDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.interimAnswers.send(staff, id, dto.version, dto.text);
  }
}
