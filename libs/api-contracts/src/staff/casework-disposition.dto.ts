import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { VersionedActionDto } from './casework.dto';
import { says } from '../field-sentence';

export class TransferDto extends VersionedActionDto {
  @ApiProperty({ description: 'The agency that should handle the application' })
  @IsUUID('all')
  @IsDefined()
  toAgencyId: string;

  @ApiProperty({ example: 'misrouted', description: 'A transfer reason from GET /api/v1/staff/reason-codes?kind=transfer' })
  @MaxLength(64)
  @IsString()
  @IsDefined()
  reasonCode: string;

  @ApiPropertyOptional({ description: 'For the receiving agency; not sent to the citizen' })
  @MaxLength(2000)
  @IsString()
  @IsOptional()
  note?: string;
}

export class RejectionDto extends VersionedActionDto {
  @ApiProperty({ example: 'no_clear_subject', description: 'A ground from GET /api/v1/staff/reason-codes?kind=rejection' })
  @MaxLength(64)
  @IsString()
  @IsDefined()
  reasonCode: string;

  @ApiProperty({ description: 'The explanation sent to the citizen' })
  @MaxLength(5000)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  text: string;
}

export class DuplicateOfDto extends VersionedActionDto {
  @ApiProperty({ description: 'The application this one repeats; its answer will reach this citizen too' })
  @IsUUID('all')
  @IsDefined()
  originalId: string;
}

export class CloseDto extends VersionedActionDto {}

export class DispositionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'routed' }) status: string;
  @ApiProperty({ example: 4 }) version: number;
}

export class TransferResponse extends DispositionResponse {
  @ApiProperty({ description: 'Where the application went: the agency asked for, or the center’s triage unit' }) agencyId: string;
  @ApiProperty({ example: 1 }) transferCount: number;
  @ApiProperty({ description: 'True when too many transfers sent it to the center, which designates the agency' }) centerDesignation: boolean;
}

export class DuplicateResponse extends DispositionResponse {
  @ApiProperty() duplicateOfId: string;
}
