import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SlaPolicyAdmin, SlaPolicyUpdate, SlaPolicyView } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CreateSlaPolicyDto, SlaPolicyResponse, SlaPolicyUpdateResponse, UpdateSlaPolicyDto, newSlaPolicy, slaPolicyPatch } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** The deadlines the law and the deployment set, per type, topic and agency, with their escalation ladders. */
@ApiTags('staff: SLA policies')
@ApiBearerAuth()
@Controller('api/v1/staff/sla-policies')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('center_admin')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPolicyAdmin) {}

  @Get()
  @ApiOperation({ summary: 'SLA policies, active first' })
  @ApiOkResponse({ type: [SlaPolicyResponse] })
  list(): Promise<SlaPolicyView[]> {
    return this.policies.list();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One SLA policy' })
  @ApiOkResponse({ type: SlaPolicyResponse })
  get(@Param('code') code: string): Promise<SlaPolicyView> {
    return this.policies.get(code);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a policy', description: 'The most specific active policy governs a new clock: agency over topic over type.' })
  @ApiCreatedResponse({ type: SlaPolicyResponse })
  @ApiConflictResponse({ description: 'SLA_POLICY_SCOPE_TAKEN: another active policy has the same kind and scope; SLA_POLICY_CODE_TAKEN' })
  create(@Body() dto: CreateSlaPolicyDto, @CurrentStaff() staff: StaffPrincipal): Promise<SlaPolicyView> {
    return this.policies.create(staff, newSlaPolicy(dto));
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a policy',
    description:
      'Open deadlines keep the terms they started with unless applyToOpen is true; then they move in the background, keeping the share of time used.',
  })
  @ApiOkResponse({ type: SlaPolicyUpdateResponse })
  @ApiConflictResponse({ description: 'SLA_POLICY_SCOPE_TAKEN: another active policy has the same kind and scope' })
  update(@Param('code') code: string, @Body() dto: UpdateSlaPolicyDto, @CurrentStaff() staff: StaffPrincipal): Promise<SlaPolicyUpdate> {
    return this.policies.update(staff, code, slaPolicyPatch(dto), { applyToOpen: dto.applyToOpen === true });
  }

  @Delete(':code')
  @ApiOperation({ summary: 'Deactivate a policy', description: 'Policies are never deleted: clocks and history refer to them. Open deadlines keep running.' })
  @ApiOkResponse({ type: SlaPolicyResponse })
  deactivate(@Param('code') code: string, @CurrentStaff() staff: StaffPrincipal): Promise<SlaPolicyView> {
    return this.policies.deactivate(staff, code);
  }
}
