import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANSWER_MAX, ASSIGNMENT_MODES, AssignmentMode, NOTE_MAX, QUESTION_MAX } from '@petitio/casework';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { says } from '../field-sentence';

// class-validator runs a property's decorators bottom-up and stops at the first error,
// so the most basic check (present, right type) sits lowest.

/** Every staff action names the version it was decided on, so a change made meanwhile is not overwritten. */
export class VersionedActionDto {
  @ApiProperty({ description: 'The version of the application the user saw', example: 3 })
  @Min(1)
  @IsInt()
  @IsDefined()
  version: number;
}

/** Longest and shortest reason a reveal of a citizen's identity may give: a sentence, not a keystroke. */
export const REVEAL_REASON_MIN = 10;
export const REVEAL_REASON_MAX = 1000;

export class RevealDto {
  @ApiProperty({
    minLength: REVEAL_REASON_MIN,
    maxLength: REVEAL_REASON_MAX,
    description: 'Why the identity and the text as written are needed; recorded with the read and shown to supervisors',
    example: 'Calling the citizen back to find the building',
  })
  @MaxLength(REVEAL_REASON_MAX)
  @MinLength(REVEAL_REASON_MIN)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  reason: string;
}

export class AssignDto extends VersionedActionDto {
  @ApiProperty({ description: "An active officer or supervisor of the application's agency" })
  @IsUUID('all')
  @IsDefined()
  officerId: string;
}

export class NoteDto extends VersionedActionDto {
  @ApiProperty({ maxLength: NOTE_MAX, description: 'For colleagues only; never shown to the citizen' })
  @MaxLength(NOTE_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  text: string;
}

export class InformationRequestDto extends VersionedActionDto {
  @ApiProperty({ maxLength: QUESTION_MAX, example: 'Which building number is affected?' })
  @MaxLength(QUESTION_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  question: string;
}

export class AnswerDto extends VersionedActionDto {
  @ApiPropertyOptional({ maxLength: ANSWER_MAX, description: 'The answer in your words; or give cannedResponseId instead' })
  @MaxLength(ANSWER_MAX)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  @ValidateIf((dto: AnswerDto) => dto.cannedResponseId === undefined || dto.text !== undefined)
  text?: string;

  @ApiPropertyOptional({ description: "One of the application's agency's canned responses" })
  @IsUUID('all')
  @IsOptional()
  cannedResponseId?: string;

  @ApiPropertyOptional({
    description: "Values for the canned response's own placeholders; trackingNumber, citizenName, agencyName and date are filled by Petitio",
    example: { repairDate: '12 May' },
  })
  @IsObject()
  @IsOptional()
  placeholders?: Record<string, string>;
}

export class AssignmentSettingsDto {
  @ApiProperty({ enum: ASSIGNMENT_MODES })
  @IsIn(ASSIGNMENT_MODES)
  @IsDefined()
  mode: AssignmentMode;
}

export class CaseStateResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'assigned' }) status: string;
  @ApiProperty({ example: 4, description: 'Send this with the next action' }) version: number;
  @ApiPropertyOptional({ nullable: true }) assignedOfficerId: string | null;
}

export class AssignmentSettingsResponse {
  @ApiProperty() agencyId: string;
  @ApiProperty({ enum: ASSIGNMENT_MODES }) mode: string;
}
