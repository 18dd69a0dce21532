import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUILT_IN_PLACEHOLDERS } from '@petitio/casework';
import { IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { says } from '../field-sentence';

const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class UpdateCannedResponseDto {
  @ApiProperty({ example: 'repair_scheduled', description: 'Short name, unique per agency and language' })
  @Matches(CODE, says('canned_response_code'))
  @IsString()
  @IsDefined()
  code: string;

  @ApiProperty({ example: 'tr' })
  @Matches(/^[a-z]{2}$/, says('language_code'))
  @IsString()
  @IsDefined()
  language: string;

  @ApiProperty({ example: 'Repair scheduled' })
  @MaxLength(200)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  title: string;

  @ApiProperty({
    example: 'Dear {{citizenName}}, the repair for {{trackingNumber}} is planned for {{repairDate}}. {{agencyName}}, {{date}}',
    description: `Text with {{placeholders}}: ${BUILT_IN_PLACEHOLDERS.join(', ')} are filled by Petitio; any other is given when answering`,
  })
  @MaxLength(10_000)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  body: string;
}

export class CreateCannedResponseDto extends UpdateCannedResponseDto {
  @ApiPropertyOptional({ description: 'Center admins: the agency it belongs to. Others: your own agency (the default).' })
  @IsUUID('all')
  @IsOptional()
  agencyId?: string;
}

export class CannedResponseQueryDto {
  @ApiPropertyOptional()
  @IsUUID('all')
  @IsOptional()
  agencyId?: string;

  @ApiPropertyOptional({ example: 'tr' })
  @Matches(/^[a-z]{2}$/, says('language_code'))
  @IsOptional()
  language?: string;
}

export class CannedResponseResponse {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() code: string;
  @ApiProperty() language: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String], description: 'Placeholders to give when answering with it' }) placeholders: string[];
}
