import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { ROUTING_RULE_DESCRIPTION_MAX, ROUTING_RULE_KEYWORDS_MAX, ROUTING_RULE_POSITION_MAX, RoutingPreviewInput, RoutingRuleDraft } from '@petitio/routing';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// The DTOs check the shape of the body; whether the named type, topic, regions and agency exist, and the rules of
// a rule (a criterion at least, keywords as words) are RoutingRulesAdmin's, applied to the rule as it will be saved.

/** The criteria and the target both bodies share, optional here. */
class RoutingRuleTermsDto {
  @ApiPropertyOptional({ example: 'Water in Kadıköy goes to the ISKI Kadıköy branch', default: '' })
  @MaxLength(ROUTING_RULE_DESCRIPTION_MAX, { message: `$property must be at most ${ROUTING_RULE_DESCRIPTION_MAX} characters` })
  @IsString({ message: '$property must be text' })
  @IsOptional()
  description?: string | null;

  @ApiPropertyOptional({ example: 100, default: 100, description: 'Breaks ties between equally specific rules: lower is tried first' })
  @Max(ROUTING_RULE_POSITION_MAX, { message: `$property must be at most ${ROUTING_RULE_POSITION_MAX}` })
  @Min(0, { message: '$property must be 0 or more' })
  @IsInt({ message: '$property must be a whole number' })
  @IsOptional()
  position?: number;

  @ApiPropertyOptional({ enum: APPLICATION_TYPES, nullable: true, description: 'Only applications of this type; null for any' })
  @IsString({ message: '$property must be an application type code or null' })
  @IsOptional()
  typeCode?: string | null;

  @ApiPropertyOptional({ example: 'water', nullable: true, description: 'Only applications on this topic (by code); null for any' })
  @IsString({ message: '$property must be a topic code or null' })
  @IsOptional()
  topicCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34', nullable: true, description: 'Only applications from this province; null for anywhere' })
  @IsString({ message: '$property must be a province code or null' })
  @IsOptional()
  provinceCode?: string | null;

  @ApiPropertyOptional({
    example: 'TR-34-KDK',
    nullable: true,
    description: 'Only applications from this district (counts twice in specificity); null for any',
  })
  @IsString({ message: '$property must be a district code or null' })
  @IsOptional()
  districtCode?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['rüşvet', 'bribe*'],
    description: 'Any of these whole words in the subject or text; a word ending in * matches word beginnings',
  })
  @ArrayMaxSize(ROUTING_RULE_KEYWORDS_MAX, { message: `$property may hold at most ${ROUTING_RULE_KEYWORDS_MAX} words` })
  @IsString({ each: true, message: 'each of $property must be text' })
  @IsArray({ message: '$property must be a list of words' })
  @IsOptional()
  keywords?: string[] | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive rules are kept but not tried' })
  @IsBoolean({ message: '$property must be true or false' })
  @IsOptional()
  active?: boolean;
}

export class CreateRoutingRuleDto extends RoutingRuleTermsDto {
  @ApiProperty({ example: 'water-moda', description: 'Lower-case letters, digits, - and _; fixed once created' })
  @MaxLength(64, { message: '$property must be at most 64 characters' })
  @IsString({ message: '$property must be text' })
  @IsDefined({ message: '$property is required' })
  code: string;

  @ApiProperty({ example: 'ISKI-KDK', description: 'The agency that receives what the rule matches (by code)' })
  @IsString({ message: '$property must be an agency code' })
  @IsDefined({ message: '$property is required' })
  agencyCode: string;
}

/** PATCH: only the fields sent change; null clears a criterion. The code is fixed. */
export class UpdateRoutingRuleDto extends RoutingRuleTermsDto {
  @ApiPropertyOptional({ example: 'ISKI-KDK' })
  @IsString({ message: '$property must be an agency code' })
  @IsOptional()
  agencyCode?: string;
}

export class RoutingPreviewDto {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsString({ message: '$property must be an application type code' })
  @IsDefined({ message: '$property is required' })
  type: string;

  @ApiPropertyOptional({ example: 'water' })
  @IsString({ message: '$property must be a topic code' })
  @IsOptional()
  topicCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34' })
  @IsString({ message: '$property must be a province code' })
  @IsOptional()
  provinceCode?: string | null;

  @ApiPropertyOptional({ example: 'TR-34-KDK', description: 'A district implies its province, as on intake' })
  @IsString({ message: '$property must be a district code' })
  @IsOptional()
  districtCode?: string | null;

  @ApiPropertyOptional({ example: 'No water' })
  @MaxLength(200, { message: '$property must be at most 200 characters' })
  @IsString({ message: '$property must be text' })
  @IsOptional()
  subject?: string;

  @ApiPropertyOptional({ example: 'The clerk asked for a bribe.' })
  @MaxLength(10000, { message: '$property must be at most 10000 characters' })
  @IsString({ message: '$property must be text' })
  @IsOptional()
  body?: string;

  @ApiPropertyOptional({
    enum: ['tr', 'en', 'ar'],
    default: 'tr',
    description: 'Keywords are compared by this language’s case rules (Turkish dotted and dotless i)',
  })
  @IsIn(['tr', 'en', 'ar'], { message: '$property must be one of: tr, en, ar' })
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
    language: dto.language ?? 'tr',
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
