import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NewTopic, TopicPatch } from '@petitio/catalogue';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LocalisedNamesDto } from './directory-names.dto';

// Shape only; the rules (code format, a name at all, an active default agency, keyword form) are TopicAdmin's.

export class CreateTopicDto {
  @ApiProperty({ example: 'parks', description: 'Lowercase letters, digits, "-" and "_"; what forms and API clients send; never changes' })
  @MaxLength(64)
  @IsString()
  @IsDefined()
  code: string;

  @ApiProperty({ type: LocalisedNamesDto, description: 'At least one language' })
  @ValidateNested()
  @Type(() => LocalisedNamesDto)
  @IsObject()
  @IsDefined()
  names: LocalisedNamesDto;

  @ApiPropertyOptional({
    example: 'ISKI',
    nullable: true,
    description: 'Where an application on this topic goes when no routing rule claims it; null: the triage unit',
  })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  defaultAgencyCode?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['park*', 'bahçe'], description: 'Words that suggest the topic in an SMS; a trailing * matches any ending' })
  @MaxLength(41, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  @IsOptional()
  keywords?: string[];
}

export class UpdateTopicDto {
  @ApiPropertyOptional({ type: LocalisedNamesDto, description: 'Only the languages given change; "" removes a name' })
  @ValidateNested()
  @Type(() => LocalisedNamesDto)
  @IsObject()
  @ValidateIf((dto: UpdateTopicDto) => dto.names !== undefined)
  names?: LocalisedNamesDto;

  @ApiPropertyOptional({ nullable: true, description: 'An active agency; null: the triage unit' })
  @MaxLength(64)
  @IsString()
  @IsOptional()
  defaultAgencyCode?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the keywords' })
  @MaxLength(41, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  @ValidateIf((dto: UpdateTopicDto) => dto.keywords !== undefined)
  keywords?: string[];

  @ApiPropertyOptional({ description: 'false: leaves the pick lists and intake refuses it; applications on it keep it' })
  @IsBoolean()
  @ValidateIf((dto: UpdateTopicDto) => dto.active !== undefined)
  active?: boolean;
}

export class TopicResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'water' }) code: string;
  @ApiProperty({ type: LocalisedNamesDto }) names: LocalisedNamesDto;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ nullable: true, type: String, example: 'ISKI' }) defaultAgencyCode: string | null;
  @ApiProperty() active: boolean;
}

/** A new topic's body as TopicAdmin's input. */
export function newTopic(dto: CreateTopicDto): NewTopic {
  return { code: dto.code, names: { ...dto.names }, defaultAgencyCode: dto.defaultAgencyCode, keywords: dto.keywords };
}

/** A change's body as TopicAdmin's patch; a field not sent stays as stored. */
export function topicPatch(dto: UpdateTopicDto): TopicPatch {
  return { names: dto.names && { ...dto.names }, defaultAgencyCode: dto.defaultAgencyCode, keywords: dto.keywords, active: dto.active };
}
