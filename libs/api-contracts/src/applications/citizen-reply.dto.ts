import { ApiProperty } from '@nestjs/swagger';
import { REPLY_MAX } from '@petitio/casework';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { says } from '../field-sentence';

export class CitizenReplyDto {
  @ApiProperty({ example: '52830174', description: 'The access code given at submission' })
  @MaxLength(32)
  @IsString()
  @IsDefined()
  accessCode: string;

  @ApiProperty({ maxLength: REPLY_MAX, example: 'It is building number 12.' })
  @MaxLength(REPLY_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  text: string;
}

export class CitizenReplyResponse {
  @ApiProperty({ example: '4827-3915-602' }) trackingNumber: string;
  @ApiProperty({ example: 'in_progress' }) status: string;
  @ApiProperty() receivedAt: string;
}
