import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, StaffRole } from '@petitio/staff';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { says } from '../field-sentence';

export class InviteStaffUserDto {
  @ApiProperty()
  @MaxLength(254)
  @IsEmail({})
  @IsDefined()
  email: string;

  @ApiProperty()
  @MaxLength(120)
  @MinLength(1)
  @IsString()
  @IsDefined()
  displayName: string;

  @ApiProperty()
  @IsUUID('all')
  @IsDefined()
  agencyId: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsIn(STAFF_ROLES, { each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  @IsDefined()
  roles: StaffRole[];

  @ApiPropertyOptional({ example: 'tr' })
  @Matches(/^[a-z]{2}$/, says('language_code'))
  @IsOptional()
  language?: string;
}

export class DutyDto {
  @ApiProperty({ description: 'false while on leave: no automatic assignments' })
  @IsBoolean()
  @IsDefined()
  onDuty: boolean;
}
