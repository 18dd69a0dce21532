import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnswerInput, CaseAssignment, CaseState, Correspondence, InternalNotes } from '@petitio/casework';
import { InvalidInputError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { AnswerDto, AssignDto, CaseStateResponse, InformationRequestDto, NoteDto, VersionedActionDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';
import { AgencyApi } from './agency-api-caller';

/** Working on an application: who takes it, notes among colleagues, questions to the citizen, and the answer. */
@ApiTags('staff: casework')
@ApiBearerAuth()
@Controller('api/v1/staff/applications/:id')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class CaseworkController {
  constructor(
    private readonly assignment: CaseAssignment,
    private readonly notes: InternalNotes,
    private readonly correspondence: Correspondence,
  ) {}

  @Post('claim')
  @HttpCode(200)
  @Roles('officer', 'supervisor')
  @ApiOperation({ summary: 'Take the application yourself', description: 'routed or reopened → assigned. Taking it twice is a 409.' })
  @ApiOkResponse({ type: CaseStateResponse })
  claim(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedActionDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.assignment.claim(staff, id, dto.version);
  }

  @Post('assign')
  @HttpCode(200)
  @Roles('officer', 'supervisor', 'center_admin')
  @ApiOperation({
    summary: 'Hand the application to an officer of its agency',
    description: 'routed or reopened → assigned; on an application being worked only the officer changes. Officers may hand it to a colleague.',
  })
  @ApiOkResponse({ type: CaseStateResponse })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.assignment.assign(staff, id, dto.version, dto.officerId);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @AgencyApi()
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'Take the application and start working on it, in one step',
    description:
      'routed or reopened → assigned to you → in_progress; assigned to you → in_progress. What an agency’s case system calls when it takes an application in. Another officer’s application is a 409.',
  })
  @ApiOkResponse({ type: CaseStateResponse })
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedActionDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.assignment.acknowledge(staff, id, dto.version);
  }

  @Post('start')
  @HttpCode(200)
  @Roles('officer', 'supervisor')
  @ApiOperation({ summary: 'Start working on it', description: 'assigned → in_progress' })
  @ApiOkResponse({ type: CaseStateResponse })
  start(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedActionDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.assignment.start(staff, id, dto.version);
  }

  @Post('notes')
  @AgencyApi()
  @HttpCode(201)
  @Roles('officer', 'supervisor', 'center_admin')
  @ApiOperation({ summary: 'Leave an internal note', description: 'A line in the history for colleagues; never shown to the citizen.' })
  @ApiCreatedResponse({ type: CaseStateResponse })
  addNote(@Param('id', ParseUUIDPipe) id: string, @Body() dto: NoteDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.notes.add(staff, id, dto.version, dto.text);
  }

  @Post('information-requests')
  @AgencyApi()
  @HttpCode(201)
  @Roles('officer', 'supervisor')
  @ApiOperation({ summary: 'Ask the citizen for information', description: 'The application waits for the reply (awaiting_citizen).' })
  @ApiCreatedResponse({ type: CaseStateResponse })
  requestInformation(@Param('id', ParseUUIDPipe) id: string, @Body() dto: InformationRequestDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.correspondence.requestInformation(staff, id, dto.version, dto.question);
  }

  @Post('answers')
  @AgencyApi()
  @HttpCode(201)
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'Send the final answer',
    description: 'Free text, or a canned response with its placeholders filled. The application becomes answered and the citizen is told.',
  })
  @ApiCreatedResponse({ type: CaseStateResponse })
  answer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AnswerDto, @CurrentStaff() staff: StaffPrincipal): Promise<CaseState> {
    return this.correspondence.answer(staff, id, dto.version, answerInput(dto));
  }
}

function answerInput(dto: AnswerDto): AnswerInput {
  if (dto.cannedResponseId === undefined) {
    if (dto.placeholders !== undefined) {
      throw new InvalidInputError([{ field: 'placeholders', code: 'unexpected' }]);
    }
    return { text: dto.text! };
  }
  if (dto.text !== undefined) {
    throw new InvalidInputError([{ field: 'text', code: 'exclusive' }]);
  }
  return { cannedResponseId: dto.cannedResponseId, placeholders: dto.placeholders };
}
