import { CHANNELS, Channel } from '@petitio/applications';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's filters as the query string carries them; every one optional (the period defaults to 30 days). */
export class DashboardQueryDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  agency?: string;

  @IsOptional()
  @IsIn(APPLICATION_TYPES, { message: `type must be one of: ${APPLICATION_TYPES.join(', ')}` })
  type?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  topic?: string;

  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` })
  channel?: Channel;
}
