import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APPLICATION_TYPES, CatalogueService } from '@petitio/catalogue';
import { AgencyBrowser, DirectoryService, localise } from '@petitio/directory';
import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { RoutingPreview, RoutingRuleView, RoutingRulesAdmin, keywordsFromText, routingRuleDraftProblems } from '@petitio/routing';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { CreateRoutingRuleDto, RoutingPreviewDto, UpdateRoutingRuleDto, newRoutingRule, routingPreviewInput } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { formErrors, savedForm } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { adminFieldError, adminRoutingTexts } from './admin-routing-texts';
import {
  PreviewFormValues,
  ROUTING_DONE,
  RoutingChoices,
  RoutingDone,
  RoutingPageModel,
  RuleFormValues,
  routingPage,
  ruleDeletePage,
  ruleEditPage,
} from './views/routing.view';

const PAGE = '/staff/admin/routing';
const RULE_FIELDS = [
  'code',
  'description',
  'typeCode',
  'topicCode',
  'provinceCode',
  'districtCode',
  'keywords',
  'agencyCode',
  'position',
  'active',
  'criteria',
];
const PREVIEW_FIELDS = ['type', 'topicCode', 'provinceCode', 'districtCode', 'subject', 'body', 'language'];

/**
 * Routing rules for center admins: the rules in the order the router tries them, add, edit, delete, and a preview
 * that asks the router's own decision. Same DTOs and service as the JSON routing-rules routes.
 */
@ApiExcludeController()
@Controller('staff/admin/routing')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
@Roles('center_admin')
export class ConsoleRoutingController {
  constructor(
    private readonly rules: RoutingRulesAdmin,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly browser: AgencyBrowser,
    private readonly csrf: ConsoleCsrf,
  ) {}

  @Get()
  async list(@Query('done') done: unknown, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const shown = ROUTING_DONE.includes(done as RoutingDone) ? (done as RoutingDone) : undefined;
    await this.renderList(reply, 200, consoleLanguage(request), staff, { done: shown });
  }

  @Post()
  async create(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const values = ruleValuesOf(body);
    const refuse = (problems: FieldProblem[]) => this.renderList(reply, 400, language, staff, { values, errors: fieldErrors(language, problems, RULE_FIELDS) });
    const save = (dto: CreateRoutingRuleDto) => this.rules.create(newRoutingRule(dto));
    const sent = { code: values.code || undefined, ...ruleBodyOf(values) };
    if (await savedForm(CreateRoutingRuleDto, sent, save, refuse, { alsoChecked: () => draftProblemsOf(values) })) seeOther(reply, `${PAGE}?done=created`);
  }

  @Post('preview')
  async preview(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const values: PreviewFormValues = {
      type: formText(body, 'type'),
      topicCode: formText(body, 'topicCode'),
      provinceCode: formText(body, 'provinceCode'),
      districtCode: formText(body, 'districtCode'),
      subject: formText(body, 'subject'),
      body: formText(body, 'body'),
      language: formText(body, 'language') || language,
    };
    const refuse = (problems: FieldProblem[]) =>
      this.renderList(reply, 400, language, staff, { preview: { values, errors: prefixed('preview-', fieldErrors(language, problems, PREVIEW_FIELDS)) } });
    const { dto, problems } = await validateAs(RoutingPreviewDto, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')));
    if (problems.length) return refuse(problems);
    let result: RoutingPreview;
    try {
      result = await this.rules.preview(routingPreviewInput(dto));
    } catch (error) {
      if (error instanceof InvalidInputError) return refuse(error.problems);
      throw error;
    }
    await this.renderList(reply, 200, language, staff, { preview: { values, errors: {}, result } });
  }

  @Get(':id')
  async edit(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const rule = await this.rules.get(id);
    await this.renderEdit(reply, 200, consoleLanguage(request), staff, rule, valuesOfRule(rule), {});
  }

  @Post(':id')
  async update(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const rule = await this.rules.get(id);
    const values = { ...ruleValuesOf(body), code: rule.code };
    const refuse = (problems: FieldProblem[]) => this.renderEdit(reply, 400, language, staff, rule, values, fieldErrors(language, problems, RULE_FIELDS));
    // A form sends every field: an empty select clears its criterion; an empty position keeps the stored one.
    const save = (dto: UpdateRoutingRuleDto) =>
      this.rules.update(rule.id, {
        description: dto.description ?? '',
        position: dto.position,
        typeCode: dto.typeCode ?? null,
        topicCode: dto.topicCode ?? null,
        provinceCode: dto.provinceCode ?? null,
        districtCode: dto.districtCode ?? null,
        keywords: dto.keywords ?? [],
        agencyCode: dto.agencyCode ?? '',
        active: dto.active ?? false,
      });
    if (await savedForm(UpdateRoutingRuleDto, ruleBodyOf(values), save, refuse, { alsoChecked: () => draftProblemsOf(values) }))
      seeOther(reply, `${PAGE}?done=updated`);
  }

  @Get(':id/delete')
  async confirmDelete(
    @Param('id') id: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const rule = await this.rules.get(id);
    sendConsolePage(reply, 200, ruleDeletePage(consoleLanguage(request), { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, rule }));
  }

  @Post(':id/delete')
  async remove(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.rules.remove(id);
    seeOther(reply, `${PAGE}?done=deleted`);
  }

  private async renderList(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    extra: Partial<RoutingPageModel>,
  ): Promise<void> {
    const rules = await this.rules.list();
    const choices = await this.choices(language, [...rules.map((r) => r.agencyCode), ...(extra.preview?.result ? [extra.preview.result.agencyCode] : [])]);
    const model: RoutingPageModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      rules,
      choices,
      values: {
        code: '',
        description: '',
        typeCode: '',
        topicCode: '',
        provinceCode: '',
        districtCode: '',
        keywords: '',
        agencyCode: '',
        position: '100',
        active: true,
      },
      errors: {},
      preview: { values: { type: '', topicCode: '', provinceCode: '', districtCode: '', subject: '', body: '', language }, errors: {} },
      ...extra,
    };
    sendConsolePage(reply, status, routingPage(language, model));
  }

  private async renderEdit(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    rule: RoutingRuleView,
    values: RuleFormValues,
    errors: FieldErrors,
  ): Promise<void> {
    const choices = await this.choices(language, [rule.agencyCode]);
    // An inactive topic or agency the rule still names stays choosable, or saving would silently drop it.
    const inactive = adminRoutingTexts(language).inactive;
    if (rule.topicCode && !choices.topics.some((c) => c.value === rule.topicCode)) {
      const topic = await this.catalogue.topicByCode(rule.topicCode);
      choices.topics.push({ value: rule.topicCode, label: `${topic ? localise(topic.names, language) : rule.topicCode} (${inactive})` });
    }
    if (choices.agencies && !choices.agencies.some((c) => c.value === rule.agencyCode)) {
      const agency = await this.directory.findByCode(rule.agencyCode);
      choices.agencies.push({ value: rule.agencyCode, label: `${agency ? localise(agency.names, language) : rule.agencyCode} (${inactive})` });
    }
    sendConsolePage(reply, status, ruleEditPage(language, { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, rule, choices, values, errors }));
  }

  /**
   * Pick lists by code, named in the page's language; districts say their province, since names repeat across provinces.
   * A directory too large for a menu is not offered: only the agencies in `shownCodes` are named.
   */
  private async choices(language: ConsoleLanguage, shownCodes: string[]): Promise<RoutingChoices> {
    const menu = await this.browser.fitInAMenu();
    const [topics, regions, agencies] = await Promise.all([
      this.catalogue.activeTopics(),
      this.directory.regions(),
      menu ? this.directory.activeAgencies(language) : [],
    ]);
    const offered = agencies.map((g) => ({ value: g.code, label: g.name }));
    const agencyLabels = menu
      ? new Map(offered.map((c) => [c.value, c.label]))
      : new Map([...(await this.browser.namesByCode(shownCodes))].map(([code, names]) => [code, localise(names, language)]));
    const types = consoleTexts(language).types;
    const byName = (x: { label: string }, y: { label: string }) => x.label.localeCompare(y.label, language);
    const regionName = new Map(regions.map((r) => [r.code, localise(r.names, language)]));
    return {
      types: APPLICATION_TYPES.map((t) => ({ value: t, label: types[t] ?? t })),
      topics: topics.map((t) => ({ value: t.code, label: localise(t.names, language) })).sort(byName),
      provinces: regions
        .filter((r) => r.kind === 'province')
        .map((r) => ({ value: r.code, label: localise(r.names, language) }))
        .sort(byName),
      districts: regions
        .filter((r) => r.kind === 'district')
        .map((r) => ({ value: r.code, label: `${localise(r.names, language)} (${regionName.get(r.parentCode ?? '') ?? r.parentCode})` }))
        .sort(byName),
      agencies: menu ? offered : undefined,
      agencyLabels,
    };
  }
}

/** What the rule form sent, as typed; an unticked checkbox sends nothing. */
function ruleValuesOf(body: FormBody): RuleFormValues {
  return {
    code: formText(body, 'code').trim(),
    description: formText(body, 'description').trim(),
    typeCode: formText(body, 'typeCode'),
    topicCode: formText(body, 'topicCode'),
    provinceCode: formText(body, 'provinceCode'),
    districtCode: formText(body, 'districtCode'),
    keywords: formText(body, 'keywords').trim(),
    agencyCode: formText(body, 'agencyCode'),
    position: formText(body, 'position').trim(),
    active: formText(body, 'active') === 'true',
  };
}

/** The form as the JSON API's body: empty fields left out, the position a number (NaN when it is none, refused as such). */
function ruleBodyOf(v: RuleFormValues): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      description: v.description || undefined,
      typeCode: v.typeCode || undefined,
      topicCode: v.topicCode || undefined,
      provinceCode: v.provinceCode || undefined,
      districtCode: v.districtCode || undefined,
      keywords: keywordsFromText(v.keywords),
      agencyCode: v.agencyCode || undefined,
      position: v.position === '' ? undefined : Number(v.position),
      active: v.active,
    }).filter(([, value]) => value !== undefined),
  );
}

/** The rule's own checks on what was typed, so that a form refused for its shape also says what else is wrong. */
function draftProblemsOf(v: RuleFormValues): FieldProblem[] {
  return routingRuleDraftProblems({
    ...v,
    position: Number(v.position || 100),
    keywords: keywordsFromText(v.keywords),
    typeCode: v.typeCode || null,
    topicCode: v.topicCode || null,
    provinceCode: v.provinceCode || null,
    districtCode: v.districtCode || null,
  });
}

function valuesOfRule(rule: RoutingRuleView): RuleFormValues {
  return {
    code: rule.code,
    description: rule.description,
    typeCode: rule.typeCode ?? '',
    topicCode: rule.topicCode ?? '',
    provinceCode: rule.provinceCode ?? '',
    districtCode: rule.districtCode ?? '',
    keywords: rule.keywords.join(', '),
    agencyCode: rule.agencyCode,
    position: String(rule.position),
    active: rule.active,
  };
}

/** Each problem next to its field (`keywords.2` is the keywords field); one the form has no field for goes to the first. */
function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[], fields: string[]): FieldErrors {
  return formErrors(problems, fields, fields[0], (p) => adminFieldError(language, p));
}

function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([id, message]) => [`${prefix}${id}`, message]));
}
