import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** An agency's or a topic's name per language; in an update, a name given as "" removes it. */
export class LocalisedNamesDto {
  @ApiPropertyOptional({ example: 'Sağlık Bakanlığı', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  tr?: string;

  @ApiPropertyOptional({ example: 'Ministry of Health', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  en?: string;

  @ApiPropertyOptional({ example: 'وزارة الصحة', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  ar?: string;
}
