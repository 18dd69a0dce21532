import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TopicAdmin, TopicAdminView } from '@petitio/catalogue';
import { JsonBodyGuard } from '../json-body.guard';
import { CreateTopicDto, TopicResponse, UpdateTopicDto, newTopic, topicPatch } from '@petitio/api-contracts';
import { Roles, StaffAuthGuard } from './staff-auth.guard';

/** The topics citizens choose from, each with the agency that answers it when no routing rule does. */
@ApiTags('staff: directory')
@ApiBearerAuth()
@Controller('api/v1/staff/topics')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class TopicsController {
  constructor(private readonly topics: TopicAdmin) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  @ApiOperation({ summary: 'Topics, active first' })
  @ApiOkResponse({ type: [TopicResponse] })
  list(): Promise<TopicAdminView[]> {
    return this.topics.list();
  }

  @Get(':code')
  @Roles('center_admin', 'supervisor')
  @ApiOperation({ summary: 'One topic' })
  @ApiOkResponse({ type: TopicResponse })
  @ApiNotFoundResponse({ description: 'TOPIC_NOT_FOUND' })
  get(@Param('code') code: string): Promise<TopicAdminView> {
    return this.topics.get(code);
  }

  @Post()
  @HttpCode(201)
  @Roles('center_admin')
  @ApiOperation({ summary: 'Add a topic', description: 'It appears in the portal’s pick list within a minute.' })
  @ApiCreatedResponse({ type: TopicResponse })
  @ApiConflictResponse({ description: 'TOPIC_CODE_TAKEN' })
  create(@Body() dto: CreateTopicDto): Promise<TopicAdminView> {
    return this.topics.create(newTopic(dto));
  }

  @Patch(':code')
  @Roles('center_admin')
  @ApiOperation({
    summary: 'Rename a topic, change its default agency or keywords, deactivate or reactivate it',
    description: 'Fields left out keep their value.',
  })
  @ApiOkResponse({ type: TopicResponse })
  update(@Param('code') code: string, @Body() dto: UpdateTopicDto): Promise<TopicAdminView> {
    return this.topics.update(code, topicPatch(dto));
  }
}
