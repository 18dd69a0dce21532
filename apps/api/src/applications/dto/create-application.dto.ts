import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_TYPES, ApplicationType } from '@petitio/catalogue';
import { BODY_MAX, SUBJECT_MAX } from '@petitio/applications';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CitizenDto {
  @ApiPropertyOptional({ description: 'Name, if the citizen wants to give it', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Transform(trim)
  name?: string;

  @ApiPropertyOptional({ description: 'Phone number, national or international form', example: '0532 123 45 67' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ example: 'ayse@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;
}

export class LocationDto {
  @ApiPropertyOptional({ example: 'TR-34', description: 'Province code from the regions list' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'provinceCode must be a region code such as TR-34' })
  provinceCode?: string;

  @ApiPropertyOptional({ example: 'TR-34-KDK', description: 'District code from the regions list' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'districtCode must be a region code such as TR-34-KDK' })
  districtCode?: string;

  @ApiPropertyOptional({ example: 40.9903 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 29.0291 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  longitude?: number;
}

export class CreateApplicationDto {
  @ApiProperty({ enum: APPLICATION_TYPES, example: 'complaint' })
  @IsIn(APPLICATION_TYPES, { message: `type must be one of: ${APPLICATION_TYPES.join(', ')}` })
  type: ApplicationType;

  @ApiPropertyOptional({ example: 'water', description: 'Topic code; leave out if unsure and the center will classify it' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  topic?: string;

  @ApiPropertyOptional({ maxLength: SUBJECT_MAX, example: 'No water in our street for three days' })
  @IsOptional()
  @IsString()
  @MaxLength(SUBJECT_MAX)
  @Transform(trim)
  subject?: string;

  @ApiProperty({ maxLength: BODY_MAX, example: 'Since Monday there has been no running water on Moda Caddesi.' })
  @IsString()
  @IsNotEmpty({ message: 'body must describe the matter; it is empty' })
  @MaxLength(BODY_MAX)
  @Transform(trim)
  body: string;

  @ApiPropertyOptional({ example: 'tr', description: 'Language for answers and messages' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter language code such as tr' })
  language?: string;

  @ApiPropertyOptional({ type: CitizenDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ description: 'Hide the citizen’s identity from the answering agency', default: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}
