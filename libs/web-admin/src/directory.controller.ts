import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AgencyAdmin, AgencyAdminView, AgencyBrowser, AgencyTreeEntry } from '@petitio/directory';
import { ConflictError, FieldProblem } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, problemSentence } from '@petitio/web-kit';
import { CreateAgencyDto, UpdateAgencyDto, agencyPatch, newAgency } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage } from '@petitio/web-console';
import { directoryRefusal } from './admin-directory-texts';
import { savedForm } from '@petitio/web-console';
import { directoryFormErrors, doneOf, namesOf } from './directory-form';
import { agencyChoices, nameControls, nameValues } from './views/directory-fields';
import { AgencyEditModel, AgencyEditValues, agencyEditPage } from './views/directory-edit.view';
import { AGENCIES_PATH, DirectoryPageModel, NewAgencyValues, directoryPage } from './views/directory.view';

const newAgencyControls = () => ['code', ...nameControls(), 'kind', 'contactEmail', 'parentCode'];
const editControls = () => [...nameControls(), 'contactEmail', 'parentCode'];
const noValues = (): NewAgencyValues => ({ code: '', names: nameValues(), kind: '', contactEmail: '', parentCode: '' });

/**
 * The agency directory: center admins add, rename, move, deactivate and reactivate agencies; supervisors see their
 * own agency's subtree, read-only. The JSON agencies routes' DTOs and AgencyAdmin's rules.
 */
@ApiExcludeController()
@Controller('staff/admin/agencies')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleDirectoryController {
  constructor(
    private readonly agencies: AgencyAdmin,
    private readonly browser: AgencyBrowser,
    private readonly csrf: ConsoleCsrf,
  ) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  async list(
    @Query('done') done: unknown,
    @Query('under') under: unknown,
    @Query('q') query: unknown,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.renderList(reply, 200, consoleLanguage(request), staff, { done: doneOf(done) }, { under: textParam(under), query: textParam(query) });
  }

  @Post()
  @Roles('center_admin')
  async create(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const field = (name: string) => formText(body, name);
    const values: NewAgencyValues = {
      code: field('code').trim(),
      names: namesOf(field),
      kind: field('kind'),
      contactEmail: field('contactEmail').trim(),
      parentCode: field('parentCode'),
    };
    const refuse = (problems: FieldProblem[]) =>
      this.renderList(reply, 400, language, staff, { values, errors: directoryFormErrors(language, problems, newAgencyControls(), 'code') });
    const sent = {
      code: values.code || undefined,
      names: values.names,
      kind: values.kind || undefined,
      contactEmail: values.contactEmail || undefined,
      parentCode: values.parentCode || undefined,
    };
    const save = (dto: CreateAgencyDto) => this.agencies.create(newAgency(dto));
    if (!(await savedForm(CreateAgencyDto, sent, save, refuse))) return;
    // In a large directory, back to the level the new agency is on, where it can be seen.
    const level = values.parentCode && !(await this.browser.fitInAMenu()) ? `under=${encodeURIComponent(values.parentCode)}&` : '';
    seeOther(reply, `${AGENCIES_PATH}?${level}done=created`);
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
    const agency = await this.agencies.get(code);
    await this.renderEdit(reply, 200, consoleLanguage(request), staff, agency, { done: doneOf(done) });
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
    const field = (name: string) => formText(body, name);
    const values: AgencyEditValues = { names: namesOf(field), contactEmail: field('contactEmail').trim(), parentCode: field('parentCode') };
    const refuse = async (problems: FieldProblem[]) =>
      this.renderEdit(reply, 400, language, staff, await this.agencies.get(code), {
        values,
        errors: directoryFormErrors(language, problems, editControls(), 'names'),
      });
    // Every field is on the form: an emptied name or email is removed, an empty parent makes a root.
    const sent = { names: values.names, contactEmail: values.contactEmail || null, parentCode: values.parentCode || null };
    const save = (dto: UpdateAgencyDto) => this.agencies.update(code, agencyPatch(dto));
    if (await savedForm(UpdateAgencyDto, sent, save, refuse)) seeOther(reply, `${AGENCIES_PATH}/${encodeURIComponent(code)}?done=updated`);
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
      await this.agencies.update(code, { active });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const agency = await this.agencies.get(code);
      return this.renderEdit(reply, 409, language, staff, agency, {
        refused: directoryRefusal(language, error.code, problemSentence(language, error.code, error.sentence, error.args), error.details.codes),
      });
    }
    seeOther(reply, `${AGENCIES_PATH}/${encodeURIComponent(code)}?done=${active ? 'reactivated' : 'deactivated'}`);
  }

  private async renderList(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    extra: Partial<DirectoryPageModel>,
    where: { under?: string; query?: string } = {},
  ): Promise<void> {
    const mayManage = hasRole(staff, 'center_admin');
    const reach = mayManage ? undefined : staff.agencyId;
    const page = { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, mayManage, errors: {} };
    if (!(await this.browser.fitInAMenu(reach))) {
      const path = where.under ? await this.browser.path(where.under, reach) : [];
      const parentCode = path.at(-1)?.code ?? null;
      const browse = {
        path,
        entries: await this.browser.children(parentCode, reach),
        query: where.query ?? '',
        results: where.query ? await this.browser.search(where.query, reach) : undefined,
      };
      const values = { ...noValues(), parentCode: parentCode ?? '' };
      sendConsolePage(reply, status, directoryPage(language, { ...page, tree: [], parents: [], values, browse, ...extra }));
      return;
    }
    const tree = await this.agencies.tree(reach);
    const parents = mayManage
      ? agencyChoices(
          language,
          tree.filter((e) => e.active),
        )
      : [];
    sendConsolePage(reply, status, directoryPage(language, { ...page, tree, parents, values: noValues(), ...extra }));
  }

  private async renderEdit(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    agency: AgencyAdminView,
    extra: Partial<AgencyEditModel>,
  ): Promise<void> {
    const model: AgencyEditModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      agency,
      parents: !(await this.browser.fitInAMenu()) ? undefined : await this.moveTargets(language, agency),
      values: { names: nameValues(agency.names), contactEmail: agency.contactEmail ?? '', parentCode: agency.parentCode ?? '' },
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, agencyEditPage(language, model));
  }

  /** Where an agency may move: active agencies outside its own subtree, and its current parent. */
  private async moveTargets(language: ConsoleLanguage, agency: AgencyAdminView) {
    const tree = await this.agencies.tree();
    const own = subtreeOf(tree, agency.code);
    return agencyChoices(
      language,
      tree.filter((e) => !own.has(e.code) && (e.active || e.code === agency.parentCode)),
    );
  }
}

/** A short text query parameter, trimmed; anything else is ignored. */
function textParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() && value.length <= 200 ? value.trim() : undefined;
}

/** The agency and everything under it: in depth-first order, the run after it of deeper entries. */
function subtreeOf(tree: AgencyTreeEntry[], code: string): Set<string> {
  const start = tree.findIndex((e) => e.code === code);
  const own = new Set<string>([code]);
  if (start < 0) return own;
  for (let i = start + 1; i < tree.length && tree[i].depth > tree[start].depth; i++) own.add(tree[i].code);
  return own;
}
