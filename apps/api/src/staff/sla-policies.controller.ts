import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClockKind, DeadlinePeriod, DeadlineUnit, EscalationTarget, OnAwaitingCitizen, OnTransfer, SlaPolicyAdmin, SlaPolicyPatch, SlaPolicyUpdate, SlaPolicyView,
} from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../http/json-body.guard';
import {
  CreateSlaPolicyDto, DeadlinePeriodDto, SlaPolicyResponse, SlaPolicyUpdateResponse, UpdateSlaPolicyDto,
} from './dto/sla-policy.dto';
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
    return this.policies.create(staff, {
      ...termsOf(dto),
      code: dto.code,
      kind: dto.kind as ClockKind,
      period: periodOf(dto.period)!,
      onAwaitingCitizen: dto.onAwaitingCitizen as OnAwaitingCitizen,
      legalBasis: dto.legalBasis,
    });
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a policy',
    description: 'Open deadlines keep the terms they started with unless applyToOpen is true; then they move in the background, keeping the share of time used.',
  })
  @ApiOkResponse({ type: SlaPolicyUpdateResponse })
  @ApiConflictResponse({ description: 'SLA_POLICY_SCOPE_TAKEN: another active policy has the same kind and scope' })
  update(@Param('code') code: string, @Body() dto: UpdateSlaPolicyDto, @CurrentStaff() staff: StaffPrincipal): Promise<SlaPolicyUpdate> {
    const patch: SlaPolicyPatch = {
      ...termsOf(dto),
      // A `"period": null` goes on to be refused by the policy's rules, rather than read as "leave it".
      period: periodOf(dto.period) as DeadlinePeriod | undefined,
      onAwaitingCitizen: dto.onAwaitingCitizen as OnAwaitingCitizen | undefined,
      legalBasis: dto.legalBasis,
    };
    return this.policies.update(staff, code, patch, { applyToOpen: dto.applyToOpen === true });
  }

  @Delete(':code')
  @ApiOperation({ summary: 'Deactivate a policy', description: 'Policies are never deleted: clocks and history refer to them. Open deadlines keep running.' })
  @ApiOkResponse({ type: SlaPolicyResponse })
  deactivate(@Param('code') code: string, @CurrentStaff() staff: StaffPrincipal): Promise<SlaPolicyView> {
    return this.policies.deactivate(staff, code);
  }
}

/** The optional fields both bodies share; undefined means "not sent". */
function termsOf(dto: CreateSlaPolicyDto | UpdateSlaPolicyDto): SlaPolicyPatch {
  return {
    applicationType: dto.applicationType,
    topicId: dto.topicId,
    agencyId: dto.agencyId,
    onTransfer: dto.onTransfer as OnTransfer | undefined,
    extension: periodOf(dto.extension),
    requiresNoticeBeforeDeadline: dto.requiresNoticeBeforeDeadline,
    warningShares: dto.warningShares,
    ladder: dto.ladder as EscalationTarget[][] | undefined,
    reEscalation: periodOf(dto.reEscalation),
    publicLateFlag: dto.publicLateFlag,
    notifyCitizenOnBreach: dto.notifyCitizenOnBreach,
    notifyCitizenOnExtension: dto.notifyCitizenOnExtension,
    active: dto.active,
  };
}

function periodOf(dto: DeadlinePeriodDto | null | undefined): DeadlinePeriod | null | undefined {
  return dto ? { amount: dto.amount, unit: dto.unit as DeadlineUnit } : dto;
}
