import { ApiProperty } from '@nestjs/swagger';
import { EXTENSION_REASON_MAX, INTERIM_ANSWER_MAX } from '@petitio/casework';
import { CLOCK_KINDS } from '@petitio/sla';
import type { ClockKind } from '@petitio/sla';
import { IsDefined, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { VersionedActionDto } from './casework.dto';
import { DispositionResponse } from './casework-disposition.dto';
import { says } from '../field-sentence';

/** The path of a deadline: the application, and which of its clocks. */
export class DeadlineParams {
  @ApiProperty({ description: 'The application' })
  @IsUUID('all')
  id: string;

  @ApiProperty({ enum: CLOCK_KINDS, description: 'Which of its deadlines' })
  @IsIn(CLOCK_KINDS)
  kind: ClockKind;
}

export class ExtensionDto extends VersionedActionDto {
  @ApiProperty({ maxLength: EXTENSION_REASON_MAX, description: 'Why more time is needed; sent to the citizen', example: 'Another unit must be consulted.' })
  @MaxLength(EXTENSION_REASON_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  reason: string;
}

export class DeadlineResponse extends DispositionResponse {
  @ApiProperty({ description: 'The new deadline' }) deadline: Date;
}

export class InterimAnswerDto extends VersionedActionDto {
  @ApiProperty({
    maxLength: INTERIM_ANSWER_MAX,
    description: 'Progress so far, sent to the citizen; the application stays open',
    example: 'We have asked the district office for the repair schedule.',
  })
  @MaxLength(INTERIM_ANSWER_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  text: string;
}
