import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOCK_KINDS,
  ClockKind,
  DEADLINE_UNITS,
  DeadlinePeriod,
  DeadlineUnit,
  ESCALATION_TARGETS,
  EscalationTarget,
  NewSlaPolicy,
  ON_AWAITING_CITIZEN_OPTIONS,
  ON_TRANSFER_OPTIONS,
  OnAwaitingCitizen,
  OnTransfer,
  SlaPolicyPatch,
} from '@petitio/sla';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDefined, IsNumber, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

// The DTOs check the shape of the body; the rules of a policy (ranges, whole numbers, the ladder, whether the
// type, topic and agency exist) are SlaPolicyAdmin's, which applies them to the policy as it will be saved.

const LADDER_SCHEMA = { type: 'array', items: { type: 'array', items: { type: 'string', enum: [...ESCALATION_TARGETS] } } };
const LADDER_EXAMPLE = [['assigned_officer'], ['agency_supervisors'], ['parent_agency', 'center_queue']];

export class DeadlinePeriodDto {
  @ApiProperty({ example: 30, description: 'Greater than 0: whole days, or working hours in whole seconds (1.5 = 90 minutes)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsDefined()
  amount: number;

  @ApiProperty({ enum: DEADLINE_UNITS })
  @IsString()
  @IsDefined()
  unit: string;
}

/** The fields a policy's terms are made of; both bodies share them, optional here. */
class SlaPolicyTermsDto {
  @ApiPropertyOptional({ example: 'complaint', nullable: true, description: 'Application type code; null for every type' })
  @IsString()
  @IsOptional()
  applicationType?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Only applications on this topic; null for any' })
  @IsString()
  @IsOptional()
  topicId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Only applications at this agency; null for any' })
  @IsString()
  @IsOptional()
  agencyId?: string | null;

  @ApiPropertyOptional({ enum: ON_TRANSFER_OPTIONS, default: 'keep', description: 'restart: the new agency gets the whole period again' })
  @IsString()
  @IsOptional()
  onTransfer?: string;

  @ApiPropertyOptional({ type: DeadlinePeriodDto, nullable: true, description: 'Added once, with a reason; null: no extension' })
  @ValidateNested()
  @Type(() => DeadlinePeriodDto)
  @IsObject()
  @IsOptional()
  extension?: DeadlinePeriodDto | null;

  @ApiPropertyOptional({ default: false, description: 'The extension must be notified before the deadline (Law 4982 Art. 11)' })
  @IsBoolean()
  @IsOptional()
  requiresNoticeBeforeDeadline?: boolean;

  @ApiPropertyOptional({
    type: [Number],
    example: [0.5, 0.75, 0.9],
    description: 'Shares of the time at which warnings fire, strictly ascending, each in (0, 1)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @IsArray()
  @IsOptional()
  warningShares?: number[];

  @ApiPropertyOptional({
    ...LADDER_SCHEMA,
    example: LADDER_EXAMPLE,
    description: 'Rung 1 gets the warnings, rung 2 the breach, each higher rung a re-escalation; 1 to 6 rungs',
  } as object)
  @IsArray()
  @IsOptional()
  ladder?: string[][];

  @ApiPropertyOptional({ type: DeadlinePeriodDto, nullable: true, description: 'Time between re-escalations after the breach; null: none' })
  @ValidateNested()
  @Type(() => DeadlinePeriodDto)
  @IsObject()
  @IsOptional()
  reEscalation?: DeadlinePeriodDto | null;

  @ApiPropertyOptional({ default: true, description: 'A breach shows as "late" on the public status page' })
  @IsBoolean()
  @IsOptional()
  publicLateFlag?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsBoolean()
  @IsOptional()
  notifyCitizenOnBreach?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsBoolean()
  @IsOptional()
  notifyCitizenOnExtension?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Inactive policies govern no new clock' })
  @IsBoolean()
  @IsOptional()
  active?: boolean;
}

export class CreateSlaPolicyDto extends SlaPolicyTermsDto {
  @ApiProperty({ example: 'ISKI-WATER-COMPLAINTS' })
  @IsString()
  @IsDefined()
  code: string;

  @ApiProperty({ enum: CLOCK_KINDS })
  @IsString()
  @IsDefined()
  kind: string;

  @ApiProperty({ type: DeadlinePeriodDto })
  @ValidateNested()
  @Type(() => DeadlinePeriodDto)
  @IsObject()
  @IsDefined()
  period: DeadlinePeriodDto;

  @ApiProperty({ enum: ON_AWAITING_CITIZEN_OPTIONS, description: 'While the citizen is asked: pause, start over on the reply, or keep running' })
  @IsString()
  @IsDefined()
  onAwaitingCitizen: string;

  @ApiProperty({ example: 'Law 3071 on the right to petition, Art. 7' })
  @MaxLength(1000)
  @IsString()
  @IsDefined()
  legalBasis: string;
}

/** PATCH: only the fields sent change. The code and the kind of clock are fixed. */
export class UpdateSlaPolicyDto extends SlaPolicyTermsDto {
  @ApiPropertyOptional({ type: DeadlinePeriodDto })
  @ValidateNested()
  @Type(() => DeadlinePeriodDto)
  @IsObject()
  @IsOptional()
  period?: DeadlinePeriodDto;

  @ApiPropertyOptional({ enum: ON_AWAITING_CITIZEN_OPTIONS })
  @IsString()
  @IsOptional()
  onAwaitingCitizen?: string;

  @ApiPropertyOptional({ example: 'Law 3071 on the right to petition, Art. 7' })
  @MaxLength(1000)
  @IsString()
  @IsOptional()
  legalBasis?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Move the open deadlines under this policy onto the new terms too, keeping the share of time used. Without it they keep the terms they started with.',
  })
  @IsBoolean()
  @IsOptional()
  applyToOpen?: boolean;
}

export class DeadlinePeriodResponse {
  @ApiProperty({ example: 30 }) amount: number;
  @ApiProperty({ enum: DEADLINE_UNITS }) unit: string;
}

export class SlaPolicyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TR-3071-COMPLAINT' }) code: string;
  @ApiPropertyOptional({ nullable: true, example: 'complaint' }) applicationType: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) topicId: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) agencyId: string | null;
  @ApiProperty({ enum: CLOCK_KINDS }) kind: string;
  @ApiProperty({ type: DeadlinePeriodResponse }) period: DeadlinePeriodResponse;
  @ApiProperty({ enum: ON_AWAITING_CITIZEN_OPTIONS }) onAwaitingCitizen: string;
  @ApiProperty({ enum: ON_TRANSFER_OPTIONS }) onTransfer: string;
  @ApiPropertyOptional({ type: DeadlinePeriodResponse, nullable: true }) extension: DeadlinePeriodResponse | null;
  @ApiProperty() requiresNoticeBeforeDeadline: boolean;
  @ApiProperty({ type: [Number], example: [0.5, 0.75, 0.9] }) warningShares: number[];
  @ApiProperty() legalBasis: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ ...LADDER_SCHEMA, example: LADDER_EXAMPLE } as object) ladder: string[][];
  @ApiPropertyOptional({ type: DeadlinePeriodResponse, nullable: true }) reEscalation: DeadlinePeriodResponse | null;
  @ApiProperty() publicLateFlag: boolean;
  @ApiProperty() notifyCitizenOnBreach: boolean;
  @ApiProperty() notifyCitizenOnExtension: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SlaPolicyUpdateResponse {
  @ApiProperty({ type: SlaPolicyResponse }) policy: SlaPolicyResponse;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Open deadlines that will move onto the new terms (applyToOpen); null when they keep their own',
  })
  openClocksToMove: number | null;
}

/** A new policy's body as the service's input. */
export function newSlaPolicy(dto: CreateSlaPolicyDto): NewSlaPolicy {
  return {
    ...termsOf(dto),
    code: dto.code,
    kind: dto.kind as ClockKind,
    period: periodOf(dto.period)!,
    onAwaitingCitizen: dto.onAwaitingCitizen as OnAwaitingCitizen,
    legalBasis: dto.legalBasis,
  };
}

/** A change's body as the service's patch; a field not sent stays as stored. */
export function slaPolicyPatch(dto: UpdateSlaPolicyDto): SlaPolicyPatch {
  return {
    ...termsOf(dto),
    // A `"period": null` goes on to be refused by the policy's rules, rather than read as "leave it".
    period: periodOf(dto.period) as DeadlinePeriod | undefined,
    onAwaitingCitizen: dto.onAwaitingCitizen as OnAwaitingCitizen | undefined,
    legalBasis: dto.legalBasis,
  };
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
