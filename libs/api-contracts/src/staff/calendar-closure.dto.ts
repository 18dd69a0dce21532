import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';
import { says } from '../field-sentence';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Later than another date-time field of the same body; silent when either is not a date-time (reported there). */
function IsAfterField(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'after',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const before = (args?.object as Record<string, unknown>)[other];
        if (typeof value !== 'string' || typeof before !== 'string' || !DATE_TIME.test(before)) return true;
        return Date.parse(value) > Date.parse(before);
      },
    },
  });
}

export class CreateCalendarClosureDto {
  @ApiProperty({ example: '2026-02-06T00:00:00+03:00', description: 'First closed instant, with its offset' })
  @Matches(DATE_TIME, says('date_time_offset', { example: '2026-02-06T00:00:00+03:00' }))
  @IsISO8601({ strict: true })
  @IsString()
  @IsDefined()
  startsAt: string;

  @ApiProperty({ example: '2026-02-09T00:00:00+03:00', description: 'First instant open again; after startsAt' })
  @IsAfterField('startsAt')
  @Matches(DATE_TIME, says('date_time_offset', { example: '2026-02-09T00:00:00+03:00' }))
  @IsISO8601({ strict: true })
  @IsString()
  @IsDefined()
  endsAt: string;

  @ApiProperty({ example: 'Earthquake: public offices closed by decree' })
  @MaxLength(500)
  @Matches(/\S/, says('blank'))
  @IsString()
  @IsDefined()
  reason: string;

  @ApiPropertyOptional({ example: '31', description: 'Only calendars of this region; omit to close the whole deployment' })
  @Matches(/^[A-Za-z0-9]{1,6}$/, says('short_region_code'))
  @IsString()
  @IsOptional()
  regionCode?: string;
}

export class CalendarClosureResponse {
  @ApiProperty() id: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: Date;
}
