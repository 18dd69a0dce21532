import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RoutingPreview, RoutingRuleView, RoutingRulesAdmin } from '@petitio/routing';
import { JsonBodyGuard } from '../json-body.guard';
import {
  CreateRoutingRuleDto,
  RoutingPreviewDto,
  RoutingPreviewResponse,
  RoutingRuleResponse,
  UpdateRoutingRuleDto,
  newRoutingRule,
  routingPreviewInput,
} from '@petitio/api-contracts';
import { Roles, StaffAuthGuard } from './staff-auth.guard';

/** "Applications like this go to that agency": the rules the router tries, most specific first. */
@ApiTags('staff: routing rules')
@ApiBearerAuth()
@Controller('api/v1/staff/routing-rules')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('center_admin')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Routing rules: active ones in the order the router tries them, then inactive ones' })
  @ApiOkResponse({ type: [RoutingRuleResponse] })
  list(): Promise<RoutingRuleView[]> {
    return this.rules.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a rule', description: 'New applications are routed by it within a few seconds; routed ones stay where they are.' })
  @ApiCreatedResponse({ type: RoutingRuleResponse })
  @ApiBadRequestResponse({ description: 'Per field: an unknown type, topic, province, district or agency code; no criterion; a keyword that is not one word' })
  @ApiConflictResponse({ description: 'ROUTING_RULE_CODE_TAKEN' })
  create(@Body() dto: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    return this.rules.create(newRoutingRule(dto));
  }

  /** Must come before `:id` routes: "preview" is no rule id. */
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Where an application like this would go now, and by which rule',
    description: 'The router’s own decision over the active rules as stored; nothing is written.',
  })
  @ApiOkResponse({ type: RoutingPreviewResponse })
  preview(@Body() dto: RoutingPreviewDto): Promise<RoutingPreview> {
    return this.rules.preview(routingPreviewInput(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One routing rule' })
  @ApiOkResponse({ type: RoutingRuleResponse })
  get(@Param('id') id: string): Promise<RoutingRuleView> {
    return this.rules.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a rule',
    description: 'Only the fields sent change; null clears a criterion; active: false keeps the rule but stops trying it.',
  })
  @ApiOkResponse({ type: RoutingRuleResponse })
  update(@Param('id') id: string, @Body() dto: UpdateRoutingRuleDto): Promise<RoutingRuleView> {
    return this.rules.update(id, {
      description: dto.description === null ? '' : dto.description,
      position: dto.position,
      typeCode: dto.typeCode,
      topicCode: dto.topicCode,
      provinceCode: dto.provinceCode,
      districtCode: dto.districtCode,
      keywords: dto.keywords === null ? [] : dto.keywords,
      agencyCode: dto.agencyCode,
      active: dto.active,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule', description: 'Applications it routed keep their agency, and their history still names the rule.' })
  @ApiNoContentResponse()
  async remove(@Param('id') id: string): Promise<void> {
    await this.rules.remove(id);
  }
}
