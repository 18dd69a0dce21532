import { CHANNELS, Channel } from '@petitio/applications';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDay } from '@petitio/api-contracts';

/** The dashboard's filters as the query string carries them; every one optional (the period defaults to 30 days). */
export class DashboardQueryDto {
  @IsOptional()
  @IsLocalDay('from')
  from?: string;

  @IsOptional()
  @IsLocalDay('to')
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
