import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiClientDto {
  @ApiProperty({ example: 'City of Kadıköy mobile app', description: 'Who will call with the key, for the admins who see the list' })
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  name: string;

  @ApiProperty({ enum: ['open311'], description: 'What the key may do: open311 files service requests through /open311/v2' })
  @IsIn(['open311'])
  kind: 'open311';
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
