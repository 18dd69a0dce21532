import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, AgencyPatch, NewAgency } from '@petitio/directory';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LocalisedNamesDto } from './directory-names.dto';

// The DTOs check the shape of the body; the directory's rules (code format, a name at all, the parent exists and is
// not a descendant, one triage unit) are AgencyAdmin's, which applies them to the agency as it will be saved.

export class CreateAgencyDto {
  @ApiProperty({ example: 'MOH-35', description: 'Letters A-Z, digits, "-" and "_"; never changes' })
  @MaxLength(64)
  @IsString()
  @IsDefined()
  code: string;

  @ApiProperty({ type: LocalisedNamesDto, description: 'At least one language' })
  @ValidateNested()
  @Type(() => LocalisedNamesDto)
  @IsObject()
  @IsDefined()
  names: LocalisedNamesDto;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  @IsDefined()
  kind: string;

  @ApiPropertyOptional({ example: 'izmir@saglik.gov.tr', nullable: true })
  @MaxLength(254)
  @IsEmail({})
  @IsOptional()
  contactEmail?: string | null;

  @ApiPropertyOptional({ example: 'MOH', nullable: true, description: 'Code of an active agency; null or left out for a root' })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  parentCode?: string | null;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ type: LocalisedNamesDto, description: 'Only the languages given change; "" removes a name' })
  @ValidateNested()
  @Type(() => LocalisedNamesDto)
  @IsObject()
  @ValidateIf((dto: UpdateAgencyDto) => dto.names !== undefined)
  names?: LocalisedNamesDto;

  @ApiPropertyOptional({ nullable: true, description: 'null removes it' })
  @MaxLength(254)
  @IsEmail({})
  @IsOptional()
  contactEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Move under this agency (not under one of its own descendants); null makes it a root' })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  parentCode?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates: refused while a routing rule, an active topic or active child agencies depend on it' })
  @IsBoolean()
  @ValidateIf((dto: UpdateAgencyDto) => dto.active !== undefined)
  active?: boolean;
}

export class AgencyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MOH-34' }) code: string;
  @ApiProperty({ type: LocalisedNamesDto }) names: LocalisedNamesDto;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'MOH' }) parentCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class AgencyTreeEntryResponse extends AgencyResponse {
  @ApiProperty({ description: '0 for a root of the listed tree (for a supervisor: their own agency)' }) depth: number;
}

/** A national directory is read a level at a time, or searched, rather than whole. */
export class AgencyListQueryDto {
  @ApiPropertyOptional({
    example: 'MOH-34',
    description: 'List the agencies directly under this one (the top of your reach when empty), with childCount, instead of the whole tree',
  })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  under?: string;

  @ApiPropertyOptional({
    example: 'Kadıköy',
    description: 'Find agencies whose code or a name contains this text, with childCount, instead of the whole tree (at most 500)',
  })
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @IsOptional()
  q?: string;
}

/** A new agency's body as AgencyAdmin's input. */
export function newAgency(dto: CreateAgencyDto): NewAgency {
  return { code: dto.code, names: { ...dto.names }, kind: dto.kind, contactEmail: dto.contactEmail, parentCode: dto.parentCode };
}

/** A change's body as AgencyAdmin's patch; a field not sent stays as stored. */
export function agencyPatch(dto: UpdateAgencyDto): AgencyPatch {
  return { names: dto.names && { ...dto.names }, contactEmail: dto.contactEmail, parentCode: dto.parentCode, active: dto.active };
}
