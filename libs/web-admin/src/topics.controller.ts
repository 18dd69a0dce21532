import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TopicAdmin, TopicAdminView } from '@petitio/catalogue';
import { AgencyAdmin, AgencyBrowser, localise } from '@petitio/directory';
import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText } from '@petitio/web-kit';
import { CreateTopicDto, UpdateTopicDto, newTopic, topicPatch } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage } from '@petitio/web-console';
import { savedForm } from '@petitio/web-console';
import { directoryFormErrors, doneOf, namesOf } from './directory-form';
import { agencyChoices, nameControls, nameValues } from './views/directory-fields';
import { TOPICS_PATH, TopicEditModel, TopicFormValues, TopicsPageModel, topicEditPage, topicsPage } from './views/topics.view';

const controls = () => ['code', ...nameControls(), 'defaultAgencyCode', 'keywords'];
const noValues = (): TopicFormValues => ({ code: '', names: nameValues(), defaultAgencyCode: '', keywords: '' });

/** Topics: center admins add, rename, re-point and deactivate them; supervisors read. TopicAdmin's rules. */
@ApiExcludeController()
@Controller('staff/admin/topics')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleTopicsController {
  constructor(
    private readonly topics: TopicAdmin,
    private readonly agencies: AgencyAdmin,
    private readonly browser: AgencyBrowser,
    private readonly csrf: ConsoleCsrf,
  ) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  async list(@Query('done') done: unknown, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.renderList(reply, 200, consoleLanguage(request), staff, { done: doneOf(done) });
  }

  @Post()
  @Roles('center_admin')
  async create(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const values = valuesOf(body);
    const refuse = (problems: FieldProblem[]) =>
      this.renderList(reply, 400, language, staff, { values, errors: directoryFormErrors(language, problems, controls(), 'code') });
    const sent = {
      code: values.code || undefined,
      names: values.names,
      defaultAgencyCode: values.defaultAgencyCode || undefined,
      keywords: keywordsOf(values.keywords),
    };
    const save = (dto: CreateTopicDto) => this.topics.create(newTopic(dto));
    if (await savedForm(CreateTopicDto, sent, save, refuse)) seeOther(reply, `${TOPICS_PATH}?done=created`);
  }

  @Get(':code')
  @Roles('center_admin')
  async edit(
    @Param('code') code: string,
    @Query('done') done: unknown,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const topic = await this.topics.get(code);
    await this.renderEdit(reply, 200, consoleLanguage(request), staff, topic, { done: doneOf(done) });
  }

  @Post(':code')
  @Roles('center_admin')
  async update(
    @Param('code') code: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const values = valuesOf(body);
    const refuse = async (problems: FieldProblem[]) =>
      this.renderEdit(reply, 400, language, staff, await this.topics.get(code), {
        values,
        errors: directoryFormErrors(language, problems, controls(), 'names'),
      });
    const sent = { names: values.names, defaultAgencyCode: values.defaultAgencyCode || null, keywords: keywordsOf(values.keywords) };
    const save = (dto: UpdateTopicDto) => this.topics.update(code, topicPatch(dto));
    if (await savedForm(UpdateTopicDto, sent, save, refuse)) seeOther(reply, `${TOPICS_PATH}/${encodeURIComponent(code)}?done=updated`);
  }

  @Post(':code/status')
  @Roles('center_admin')
  async setStatus(
    @Param('code') code: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const active = formText(body, 'active') === 'true';
    try {
      await this.topics.update(code, { active });
    } catch (error) {
      // A reactivation whose default agency was deactivated since: said next to that field, to choose another.
      if (!(error instanceof InvalidInputError)) throw error;
      const topic = await this.topics.get(code);
      return this.renderEdit(reply, 400, language, staff, topic, { errors: directoryFormErrors(language, error.problems, controls(), 'names') });
    }
    seeOther(reply, `${TOPICS_PATH}/${encodeURIComponent(code)}?done=${active ? 'reactivated' : 'deactivated'}`);
  }

  private async renderList(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    extra: Partial<TopicsPageModel>,
  ): Promise<void> {
    const topics = await this.topics.list();
    const menu = await this.browser.fitInAMenu();
    const tree = menu ? await this.agencies.tree() : [];
    // A directory too large for a menu: only the agencies the topics name are read, for the table.
    const names = menu ? new Map(tree.map((e) => [e.code, e.names])) : await this.browser.namesByCode(topics.flatMap((t) => t.defaultAgencyCode ?? []));
    const model: TopicsPageModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      topics,
      agencyNames: new Map([...names].map(([code, n]) => [code, localise(n, language)])),
      agencies: menu
        ? agencyChoices(
            language,
            tree.filter((e) => e.active),
          )
        : undefined,
      mayManage: hasRole(staff, 'center_admin'),
      values: noValues(),
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, topicsPage(language, model));
  }

  private async renderEdit(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    topic: TopicAdminView,
    extra: Partial<TopicEditModel>,
  ): Promise<void> {
    const menu = await this.browser.fitInAMenu();
    const tree = menu ? await this.agencies.tree() : [];
    const model: TopicEditModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      topic,
      // Its current default stays offered even if inactive since, so that saving the names does not change it.
      agencies: menu
        ? agencyChoices(
            language,
            tree.filter((e) => e.active || e.code === topic.defaultAgencyCode),
          )
        : undefined,
      values: { code: topic.code, names: nameValues(topic.names), defaultAgencyCode: topic.defaultAgencyCode ?? '', keywords: topic.keywords.join(', ') },
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, topicEditPage(language, model));
  }
}

function valuesOf(body: FormBody): TopicFormValues {
  const field = (name: string) => formText(body, name);
  return { code: field('code').trim(), names: namesOf(field), defaultAgencyCode: field('defaultAgencyCode'), keywords: field('keywords') };
}

/** "park*, bahçe ,," → ["park*", "bahçe"]. */
function keywordsOf(typed: string): string[] {
  return typed
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}
