import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_TYPES, ApplicationType } from '@petitio/catalogue';
import { BODY_MAX, SUBJECT_MAX } from '@petitio/intake';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { says } from '../field-sentence';

// class-validator runs a property's decorators bottom-up and we stop at the first error,
// so the most basic check (present, right type) sits lowest.
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CitizenDto {
  @ApiPropertyOptional({ description: 'Name, if the citizen wants to give it', maxLength: 120 })
  @IsOptional()
  @MaxLength(120)
  @IsString()
  @Transform(trim)
  name?: string;

  @ApiPropertyOptional({ description: 'Phone number, national or international form', example: '0532 123 45 67' })
  @IsOptional()
  @MaxLength(32)
  @IsString()
  phone?: string;

  @ApiPropertyOptional({ example: 'ayse@example.org' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({})
  email?: string;
}

export class LocationDto {
  @ApiPropertyOptional({ example: 'TR-34', description: 'Province code from the regions list' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, says('region_code', { example: 'TR-34' }))
  @IsString()
  provinceCode?: string;

  @ApiPropertyOptional({ example: 'TR-34-KDK', description: 'District code from the regions list' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, says('region_code', { example: 'TR-34-KDK' }))
  @IsString()
  districtCode?: string;

  @ApiPropertyOptional({ example: 40.9903 })
  @IsOptional()
  @IsLatitude()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude?: number;

  @ApiPropertyOptional({ example: 29.0291 })
  @IsOptional()
  @IsLongitude()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude?: number;
}

export class CreateApplicationDto {
  @ApiProperty({ enum: APPLICATION_TYPES, example: 'complaint' })
  @IsIn(APPLICATION_TYPES)
  type: ApplicationType;

  @ApiPropertyOptional({ example: 'water', description: 'Topic code; leave out if unsure and the center will classify it' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  topic?: string;

  @ApiPropertyOptional({ maxLength: SUBJECT_MAX, example: 'No water in our street for three days' })
  @IsOptional()
  @MaxLength(SUBJECT_MAX)
  @IsString()
  @Transform(trim)
  subject?: string;

  @ApiProperty({ maxLength: BODY_MAX, example: 'Since Monday there has been no running water on Moda Caddesi.' })
  @MaxLength(BODY_MAX)
  @IsNotEmpty()
  @IsString()
  @IsDefined()
  @Transform(trim)
  body: string;

  @ApiPropertyOptional({ example: 'tr', description: 'Language for answers and messages' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, says('language_code'))
  @IsString()
  language?: string;

  @ApiPropertyOptional({ type: CitizenDto })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ description: 'Hide the citizen’s identity from the answering agency', default: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}
