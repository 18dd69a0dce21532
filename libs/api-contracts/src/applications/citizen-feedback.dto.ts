import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { says } from '../field-sentence';

abstract class CitizenActionDto {
  @ApiProperty({ example: '52830174', description: 'The access code given at submission' })
  @MaxLength(32)
  @IsString()
  @IsDefined()
  accessCode: string;
}

export class RatingDto extends CitizenActionDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (very poor) to 5 (very good); a poor rating asks the agency to look again' })
  @Max(5)
  @Min(1)
  @IsInt()
  @IsDefined()
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @MaxLength(2000)
  @IsString()
  @IsOptional()
  comment?: string;
}

export class AppealDto extends CitizenActionDto {
  @ApiProperty({ maxLength: 5000, description: 'Why the answer or the decision should be looked at again' })
  @MaxLength(5000)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  text: string;
}

export class FeedbackResponse {
  @ApiProperty({ example: 'reopened' }) status: string;
  @ApiProperty({ description: 'True when the application was reopened for the agency to look at again' }) appealOpened: boolean;
}
