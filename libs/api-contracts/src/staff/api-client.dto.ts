import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreateApiClientDto {
  @ApiProperty({ example: 'City of Kadıköy mobile app', description: 'Who will call with the key, for the admins who see the list' })
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  name: string;

  @ApiProperty({
    enum: ['open311', 'agency'],
    description:
      "What the key may do. open311: file service requests through /open311/v2. agency: an agency's case system lists, reads and works its subtree's applications through the staff API (Authorization: Bearer <key>)",
  })
  @IsIn(['open311', 'agency'])
  kind: 'open311' | 'agency';

  @ApiPropertyOptional({ format: 'uuid', description: 'For an agency key: the agency whose subtree it works' })
  @IsUUID('all')
  @ValidateIf((dto: CreateApiClientDto) => dto.kind === 'agency' || dto.agencyId !== undefined)
  agencyId?: string;
}

export class ApiClientCallResponse {
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ example: 'POST' }) method: string;
  @ApiProperty({ example: '/api/v1/staff/applications/:id/answers' }) route: string;
  @ApiProperty({ nullable: true }) applicationId: string | null;
  @ApiProperty({ example: 201 }) statusCode: number;
}

export class ApiClientResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['open311', 'agency'] }) kind: string;
  @ApiProperty({ nullable: true }) agencyId: string | null;
  @ApiProperty({ example: 'x9Qa', description: 'The key’s last four characters, to tell keys apart' }) keyHint: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true }) revokedAt: Date | null;
  @ApiProperty({ nullable: true }) lastUsedAt: Date | null;
}

export class IssuedApiClientResponse extends ApiClientResponse {
  @ApiPropertyOptional({ description: 'The key itself: shown in this answer only, never again; Petitio keeps only its hash' })
  key: string;
}
