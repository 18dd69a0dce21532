import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { catalogs, deploymentLanguages } from '@petitio/i18n';
import { ROUTING_RULE_DESCRIPTION_MAX, ROUTING_RULE_KEYWORDS_MAX, ROUTING_RULE_POSITION_MAX, RoutingPreviewInput, RoutingRuleDraft } from '@petitio/routing';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// The DTOs check the shape of the body; whether the named type, topic, regions and agency exist, and the rules of
// a rule (a criterion at least, keywords as words) are RoutingRulesAdmin's, applied to the rule as it will be saved.

/** The criteria and the target both bodies share, optional here. */
class RoutingRuleTermsDto {
  @ApiPropertyOptional({ example: 'Water in Kadıköy goes to the ISKI Kadıköy branch', default: '' })
  @MaxLength(ROUTING_RULE_DESCRIPTION_MAX)
  @IsString()
  @IsOptional()
  description?: string | null;

  @ApiPropertyOptional({ example: 100, default: 100, description: 'Breaks ties between equally specific rules: lower is tried first' })
  @Max(ROUTING_RULE_POSITION_MAX)
  @Min(0)
  @IsInt()
  @IsOptional()
  position?: number;

  @ApiPropertyOptional({ enum: APPLICATION_TYPES, nullable: true, description: 'Only applications of this type; null for any' })
  @IsString()
  @IsOptional()
  typeCode?: string | null;

  @ApiPropertyOptional({ example: 'water', nullable: true, description: 'Only applications on this topic (by code); null for any' })
  @IsString()
  @IsOptional()
  topicCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34', nullable: true, description: 'Only applications from this province; null for anywhere' })
  @IsString()
  @IsOptional()
  provinceCode?: string | null;

  @ApiPropertyOptional({
    example: 'TR-34-KDK',
    nullable: true,
    description: 'Only applications from this district (counts twice in specificity); null for any',
  })
  @IsString()
  @IsOptional()
  districtCode?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['rüşvet', 'bribe*'],
    description: 'Any of these whole words in the subject or text; a word ending in * matches word beginnings',
  })
  @ArrayMaxSize(ROUTING_RULE_KEYWORDS_MAX)
  @IsString({ each: true })
  @IsArray()
  @IsOptional()
  keywords?: string[] | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive rules are kept but not tried' })
  @IsBoolean()
  @IsOptional()
  active?: boolean;
}

export class CreateRoutingRuleDto extends RoutingRuleTermsDto {
  @ApiProperty({ example: 'water-moda', description: 'Lower-case letters, digits, - and _; fixed once created' })
  @MaxLength(64)
  @IsString()
  @IsDefined()
  code: string;

  @ApiProperty({ example: 'ISKI-KDK', description: 'The agency that receives what the rule matches (by code)' })
  @IsString()
  @IsDefined()
  agencyCode: string;
}

/** PATCH: only the fields sent change; null clears a criterion. The code is fixed. */
export class UpdateRoutingRuleDto extends RoutingRuleTermsDto {
  @ApiPropertyOptional({ example: 'ISKI-KDK' })
  @IsString()
  @IsOptional()
  agencyCode?: string;
}

export class RoutingPreviewDto {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsString()
  @IsDefined()
  type: string;

  @ApiPropertyOptional({ example: 'water' })
  @IsString()
  @IsOptional()
  topicCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34' })
  @IsString()
  @IsOptional()
  provinceCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34-KDK', description: 'A district implies its province, as on intake' })
  @IsString()
  @IsOptional()
  districtCode?: string | null;

  @ApiPropertyOptional({ example: 'No water' })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  subject?: string;

  @ApiPropertyOptional({ example: 'The clerk asked for a bribe.' })
  @MaxLength(10000)
  @IsString()
  @IsOptional()
  body?: string;

  @ApiPropertyOptional({
    enum: catalogs.languages(),
    description: 'Keywords are compared by this language’s case rules (Turkish dotted and dotless i); default: the deployment’s language',
  })
  @IsIn(catalogs.languages())
  @IsOptional()
  language?: string;
}

/** A new rule as the service takes it: what was left out gets its default (position 100, no criterion, active). */
export function newRoutingRule(dto: CreateRoutingRuleDto): Omit<RoutingRuleDraft, 'active'> & { active?: boolean } {
  return {
    code: dto.code,
    description: dto.description ?? '',
    position: dto.position ?? 100,
    typeCode: dto.typeCode ?? null,
    topicCode: dto.topicCode ?? null,
    provinceCode: dto.provinceCode ?? null,
    districtCode: dto.districtCode ?? null,
    keywords: dto.keywords ?? [],
    agencyCode: dto.agencyCode,
    active: dto.active,
  };
}

/** The application a preview imagines: empty codes are "none", the text in Turkish unless said. */
export function routingPreviewInput(dto: RoutingPreviewDto): RoutingPreviewInput {
  return {
    type: dto.type,
    topicCode: dto.topicCode || null,
    provinceCode: dto.provinceCode || null,
    districtCode: dto.districtCode || null,
    subject: dto.subject ?? '',
    body: dto.body ?? '',
    language: dto.language ?? deploymentLanguages()[0],
  };
}

export class RoutingRuleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'water-kadikoy' }) code: string;
  @ApiProperty({ example: 100 }) position: number;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true, example: 'complaint' }) typeCode: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'water' }) topicCode: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) topicId: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'TR-34' }) provinceCode: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'TR-34-KDK' }) districtCode: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ example: 'ISKI-KDK' }) agencyCode: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'How narrow the rule is: a district counts 2, every other criterion 1; the most specific matching rule wins' })
  specificity: number;
  @ApiPropertyOptional({ nullable: true, description: 'Its place (1 = first) in the order the router tries active rules; null when inactive' }) order:
    number | null;
  @ApiProperty() createdAt: Date;
}

export class RoutingPreviewResponse {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'ISKI-KDK' }) agencyCode: string;
  @ApiProperty({ enum: ['rule', 'topic_default', 'triage'], description: 'A rule matched; else the topic’s default agency; else central triage' })
  reason: string;
  @ApiPropertyOptional({ type: RoutingRuleResponse, description: 'The rule that decided, when one did' }) rule?: RoutingRuleResponse;
}
