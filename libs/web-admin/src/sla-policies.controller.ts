import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APPLICATION_TYPES, CatalogueService } from '@petitio/catalogue';
import { AgencyBrowser, DirectoryService, localise } from '@petitio/directory';
import { FieldProblem } from '@petitio/platform';
import { LADDER_MAX_RUNGS, SlaPolicyAdmin, SlaPolicyView } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { UpdateSlaPolicyDto, slaPolicyPatch } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { formErrors, savedForm } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleTexts } from '@petitio/web-console';
import { adminFieldError, adminRoutingTexts } from './admin-routing-texts';
import { SLA_PAGE, slaPoliciesPage } from './views/sla-policies.view';
import { POLICY_FLAGS, PolicyEditModel, PolicyFormValues, slaPolicyEditPage } from './views/sla-policy.view';

/** Fields of the form a problem may name; nested API fields (`period.amount`, `ladder.2`) become `period-amount`, `ladder-2`. */
const FORM_FIELDS = [
  'applicationType',
  'topicId',
  'agencyId',
  'period',
  'period-amount',
  'period-unit',
  'onAwaitingCitizen',
  'onTransfer',
  'extension',
  'extension-amount',
  'extension-unit',
  'warningShares',
  'ladder',
  ...Array.from({ length: LADDER_MAX_RUNGS }, (_, i) => `ladder-${i}`),
  'reEscalation',
  'reEscalation-amount',
  'reEscalation-unit',
  'legalBasis',
  'applyToOpen',
  ...POLICY_FLAGS,
];

/**
 * SLA policies for center admins, over the JSON SLA-policy routes' DTO and service: the list with each policy's
 * terms in words, and an edit page with every term; open deadlines move onto new terms only when the admin says so.
 */
@ApiExcludeController()
@Controller('staff/admin/sla-policies')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
@Roles('center_admin')
export class ConsoleSlaPoliciesController {
  constructor(
    private readonly policies: SlaPolicyAdmin,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly browser: AgencyBrowser,
    private readonly csrf: ConsoleCsrf,
  ) {}

  @Get()
  async list(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const policies = await this.policies.list();
    const choices = await this.choices(
      language,
      policies.flatMap((p) => p.agencyId ?? []),
    );
    sendConsolePage(reply, 200, slaPoliciesPage(language, { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, policies, ...choices }));
  }

  @Get(':code')
  async edit(
    @Param('code') code: string,
    @Query('done') done: unknown,
    @Query('moving') moving: unknown,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const policy = await this.policies.get(code);
    const count = typeof moving === 'string' && /^\d{1,9}$/.test(moving) ? Number(moving) : null;
    const values = valuesOf(policy);
    // A directory too large for a menu: the agency is shown, and typed, as its code.
    if (policy.agencyId && !(await this.browser.fitInAMenu())) values.agencyId = (await this.directory.findById(policy.agencyId))?.code ?? policy.agencyId;
    await this.render(reply, 200, consoleLanguage(request), staff, policy, values, {}, done === 'updated' ? { moving: count } : undefined);
  }

  @Post(':code')
  async update(
    @Param('code') code: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const values = formValuesOf(body);
    const refuse = async (problems: FieldProblem[]) =>
      this.render(reply, 400, language, staff, await this.policies.get(code), values, fieldErrors(language, problems));
    let moving: number | null = null;
    const save = async (dto: UpdateSlaPolicyDto) => {
      moving = (await this.policies.update(staff, code, slaPolicyPatch(dto), { applyToOpen: values.applyToOpen })).openClocksToMove;
    };
    let sent = values;
    if (values.agencyId && !(await this.browser.fitInAMenu())) {
      const agency = await this.directory.findByCode(values.agencyId.trim());
      if (!agency) return refuse([{ field: 'agencyId', code: 'unknown_agency' }]);
      sent = { ...values, agencyId: agency.id };
    }
    if (!(await savedForm(UpdateSlaPolicyDto, bodyOf(sent), save, refuse, { conflicts: { SLA_POLICY_SCOPE_TAKEN: 'applicationType' } }))) return;
    seeOther(reply, `${SLA_PAGE}/${encodeURIComponent(code)}?done=updated${moving === null ? '' : `&moving=${moving}`}`);
  }

  private async render(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    policy: SlaPolicyView,
    values: PolicyFormValues,
    errors: FieldErrors,
    done?: PolicyEditModel['done'],
  ): Promise<void> {
    const types = consoleTexts(language).types;
    const { topics, agencies } = await this.choices(language, policy.agencyId ? [policy.agencyId] : []);
    // An inactive topic or agency the policy still names stays choosable, or saving would silently widen its scope.
    const inactive = adminRoutingTexts(language).inactive;
    if (policy.topicId && !topics.some((c) => c.value === policy.topicId)) {
      const topic = (await this.catalogue.topicsById()).get(policy.topicId);
      topics.push({ value: policy.topicId, label: `${topic ? localise(topic.names, language) : policy.topicId} (${inactive})` });
    }
    if (agencies && policy.agencyId && !agencies.some((c) => c.value === policy.agencyId)) {
      const agency = await this.directory.findById(policy.agencyId);
      agencies.push({ value: policy.agencyId, label: `${agency ? localise(agency.names, language) : policy.agencyId} (${inactive})` });
    }
    const model: PolicyEditModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      policy,
      types: APPLICATION_TYPES.map((t) => ({ value: t, label: types[t] ?? t })),
      topics,
      agencies,
      values,
      errors,
      done,
    };
    sendConsolePage(reply, status, slaPolicyEditPage(language, model));
  }

  /**
   * Topics and agencies by id, named in the page's language. A directory too large for a menu is not offered
   * (`agencies` is then undefined), and only the agencies in `shownIds` are named (`agencyNames`).
   */
  private async choices(language: ConsoleLanguage, shownIds: string[]) {
    const menu = await this.browser.fitInAMenu();
    const [topics, agencies] = await Promise.all([this.catalogue.activeTopics(), menu ? this.directory.activeAgencies(language) : []]);
    const offered = agencies.map((g) => ({ value: g.id, label: g.name }));
    const agencyNames = menu
      ? new Map(offered.map((c) => [c.value, c.label]))
      : new Map([...(await this.browser.namesById(shownIds))].map(([id, names]) => [id, localise(names, language)]));
    return {
      topics: topics.map((t) => ({ value: t.id, label: localise(t.names, language) })).sort((x, y) => x.label.localeCompare(y.label, language)),
      agencies: menu ? offered : undefined,
      agencyNames,
    };
  }
}

function valuesOf(p: SlaPolicyView): PolicyFormValues {
  return {
    applicationType: p.applicationType ?? '',
    topicId: p.topicId ?? '',
    agencyId: p.agencyId ?? '',
    periodAmount: String(p.period.amount),
    periodUnit: p.period.unit,
    onAwaitingCitizen: p.onAwaitingCitizen,
    onTransfer: p.onTransfer,
    extensionAmount: p.extension ? String(p.extension.amount) : '',
    extensionUnit: p.extension?.unit ?? '',
    requiresNoticeBeforeDeadline: p.requiresNoticeBeforeDeadline,
    // As percentages: people think of "at 75 %" more readily than of 0.75.
    warningShares: p.warningShares.map((s) => String(Math.round(s * 10000) / 100)).join(', '),
    ladder: p.ladder,
    reEscalationAmount: p.reEscalation ? String(p.reEscalation.amount) : '',
    reEscalationUnit: p.reEscalation?.unit ?? '',
    publicLateFlag: p.publicLateFlag,
    notifyCitizenOnBreach: p.notifyCitizenOnBreach,
    notifyCitizenOnExtension: p.notifyCitizenOnExtension,
    legalBasis: p.legalBasis,
    active: p.active,
    applyToOpen: false,
  };
}

function formValuesOf(body: FormBody): PolicyFormValues {
  const all = (name: string) => ([] as string[]).concat(body?.[name] ?? []).filter((x) => x !== '');
  const flag = (name: string) => formText(body, name) === 'true';
  return {
    applicationType: formText(body, 'applicationType'),
    topicId: formText(body, 'topicId'),
    agencyId: formText(body, 'agencyId'),
    periodAmount: formText(body, 'period-amount').trim(),
    periodUnit: formText(body, 'period-unit'),
    onAwaitingCitizen: formText(body, 'onAwaitingCitizen'),
    onTransfer: formText(body, 'onTransfer'),
    extensionAmount: formText(body, 'extension-amount').trim(),
    extensionUnit: formText(body, 'extension-unit'),
    requiresNoticeBeforeDeadline: flag('requiresNoticeBeforeDeadline'),
    warningShares: formText(body, 'warningShares').trim(),
    ladder: Array.from({ length: LADDER_MAX_RUNGS }, (_, i) => all(`ladder-${i}`)),
    reEscalationAmount: formText(body, 'reEscalation-amount').trim(),
    reEscalationUnit: formText(body, 'reEscalation-unit'),
    publicLateFlag: flag('publicLateFlag'),
    notifyCitizenOnBreach: flag('notifyCitizenOnBreach'),
    notifyCitizenOnExtension: flag('notifyCitizenOnExtension'),
    legalBasis: formText(body, 'legalBasis'),
    active: flag('active'),
    applyToOpen: formText(body, 'applyToOpen') === 'move',
  };
}

/**
 * The form as the JSON API's PATCH body, every term sent: an empty amount is "none" for the extension and the
 * re-escalation; numbers that are no numbers stay NaN and are refused as such; rungs left empty above the last
 * ticked one are dropped, an empty one below it is kept and refused.
 */
function bodyOf(v: PolicyFormValues): Record<string, unknown> {
  const number = (text: string) => (text === '' ? undefined : Number(text.replace(',', '.')));
  const period = (amount: string, unit: string) => (amount === '' && unit === '' ? undefined : { amount: number(amount), unit: unit || undefined });
  const optionalPeriod = (amount: string, unit: string) => (amount === '' ? null : period(amount, unit));
  const lastRung = v.ladder.reduce((last, rung, i) => (rung.length ? i : last), -1);
  // Separated by a semicolon or a space (so "50, 75" is two); a comma between digits is a decimal comma ("62,5").
  const shares =
    v.warningShares === ''
      ? []
      : v.warningShares
          .split(/[\s;]+/u)
          .map((s) => s.replace(/,$/, '').replace(/%$/, ''))
          .filter(Boolean)
          .map((s) => Number(s.replace(',', '.')) / 100);
  return {
    applicationType: v.applicationType || null,
    topicId: v.topicId || null,
    agencyId: v.agencyId || null,
    period: period(v.periodAmount, v.periodUnit) ?? null,
    onAwaitingCitizen: v.onAwaitingCitizen || undefined,
    onTransfer: v.onTransfer || undefined,
    extension: optionalPeriod(v.extensionAmount, v.extensionUnit),
    requiresNoticeBeforeDeadline: v.requiresNoticeBeforeDeadline,
    warningShares: shares,
    ladder: v.ladder.slice(0, lastRung + 1),
    reEscalation: optionalPeriod(v.reEscalationAmount, v.reEscalationUnit),
    publicLateFlag: v.publicLateFlag,
    notifyCitizenOnBreach: v.notifyCitizenOnBreach,
    notifyCitizenOnExtension: v.notifyCitizenOnExtension,
    legalBasis: v.legalBasis,
    active: v.active,
    applyToOpen: v.applyToOpen,
  };
}

function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  return formErrors(problems, FORM_FIELDS, 'legalBasis', (p) => adminFieldError(language, p));
}
