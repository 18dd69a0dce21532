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

export class InviteStaffUserDto {
  @ApiProperty()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @IsDefined()
  email: string;

  @ApiProperty()
  @MaxLength(120)
  @MinLength(1)
  @IsString()
  @IsDefined()
  displayName: string;

  @ApiProperty()
  @IsUUID('all', { message: 'agencyId must be an agency id' })
  @IsDefined()
  agencyId: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of: ${STAFF_ROLES.join(', ')}` })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  @IsDefined()
  roles: StaffRole[];

  @ApiPropertyOptional({ example: 'tr' })
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter code' })
  @IsOptional()
  language?: string;
}

export class DutyDto {
  @ApiProperty({ description: 'false while on leave: no automatic assignments' })
  @IsBoolean()
  @IsDefined()
  onDuty: boolean;
}
