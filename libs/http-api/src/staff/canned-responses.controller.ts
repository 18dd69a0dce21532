import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CannedResponseView, CannedResponses } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CannedResponseQueryDto, CannedResponseResponse, CreateCannedResponseDto, UpdateCannedResponseDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** An agency's prepared answers, per language. Officers and supervisors keep their agency's; center admins anyone's. */
@ApiTags('staff: canned responses')
@ApiBearerAuth()
@Controller('api/v1/staff/canned-responses')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor', 'center_admin')
export class CannedResponsesController {
  constructor(private readonly cannedResponses: CannedResponses) {}

  @Get()
  @ApiOperation({ summary: "Your agency's canned responses (center admins: any agency's)" })
  @ApiOkResponse({ type: [CannedResponseResponse] })
  list(@Query() query: CannedResponseQueryDto, @CurrentStaff() staff: StaffPrincipal): Promise<CannedResponseView[]> {
    return this.cannedResponses.list(staff, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CannedResponseResponse })
  find(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<CannedResponseView> {
    return this.cannedResponses.get(staff, id);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a canned response' })
  @ApiCreatedResponse({ type: CannedResponseResponse })
  create(@Body() dto: CreateCannedResponseDto, @CurrentStaff() staff: StaffPrincipal): Promise<CannedResponseView> {
    return this.cannedResponses.create(staff, dto);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a canned response' })
  @ApiOkResponse({ type: CannedResponseResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCannedResponseDto, @CurrentStaff() staff: StaffPrincipal): Promise<CannedResponseView> {
    return this.cannedResponses.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.cannedResponses.remove(staff, id);
  }
}
