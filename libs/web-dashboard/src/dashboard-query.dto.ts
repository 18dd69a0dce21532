import { CHANNELS, Channel } from '@petitio/applications';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDay } from '@petitio/api-contracts';

/** The dashboard's filters as the query string carries them; every one optional (the period defaults to 30 days). */
export class DashboardQueryDto {
  @IsOptional()
  @IsLocalDay()
  from?: string;

  @IsOptional()
  @IsLocalDay()
  to?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  agency?: string;

  @IsOptional()
  @IsIn(APPLICATION_TYPES)
  type?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  topic?: string;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
