import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Later than another date-time field of the same body; silent when either is not a date-time (reported there). */
function IsAfterField(other: string, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'after',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const before = (args?.object as Record<string, unknown>)[other];
        if (typeof value !== 'string' || typeof before !== 'string' || !DATE_TIME.test(before)) return true;
        return Date.parse(value) > Date.parse(before);
      },
      defaultMessage: () => message,
    },
  });
}

export class CreateCalendarClosureDto {
  @ApiProperty({ example: '2026-02-06T00:00:00+03:00', description: 'First closed instant, with its offset' })
  @Matches(DATE_TIME, { message: 'startsAt must be a date and time with an offset, e.g. 2026-02-06T00:00:00+03:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  @IsString({ message: 'startsAt must be a date and time (ISO 8601)' })
  @IsDefined({ message: 'startsAt is required' })
  startsAt: string;

  @ApiProperty({ example: '2026-02-09T00:00:00+03:00', description: 'First instant open again; after startsAt' })
  @IsAfterField('startsAt', 'endsAt must be after startsAt')
  @Matches(DATE_TIME, { message: 'endsAt must be a date and time with an offset, e.g. 2026-02-09T00:00:00+03:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' })
  @IsString({ message: 'endsAt must be a date and time (ISO 8601)' })
  @IsDefined({ message: 'endsAt is required' })
  endsAt: string;

  @ApiProperty({ example: 'Earthquake: public offices closed by decree' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @IsString({ message: 'reason must be text' })
  @IsDefined({ message: 'reason is required' })
  reason: string;

  @ApiPropertyOptional({ example: '31', description: 'Only calendars of this region; omit to close the whole deployment' })
  @Matches(/^[A-Za-z0-9]{1,6}$/, { message: 'regionCode must be a region code of 1-6 letters or digits' })
  @IsString({ message: 'regionCode must be text' })
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
