import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DirectoryService } from '@petitio/directory';
import { FieldProblem, NotFoundError, isUuid } from '@petitio/platform';
import { StaffPrincipal, StaffUsersService, hasRole } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { InviteStaffUserDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { formErrors, savedForm } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';
import { InviteFormValues, UsersPageModel, usersPage } from './views/users.view';

const NO_VALUES: InviteFormValues = { email: '', displayName: '', agencyId: '', roles: [] };

/**
 * Staff users: center admins see everyone, invite, disable and unlock; supervisors see their own agency's people,
 * read-only. The JSON staff-users routes' DTO, services and scoping.
 */
@ApiExcludeController()
@Controller('staff/users')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleUsersController {
  constructor(
    private readonly users: StaffUsersService,
    private readonly directory: DirectoryService,
    private readonly csrf: ConsoleCsrf,
  ) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  async list(@Query('done') done: unknown, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const shown = done === 'invited' || done === 'disabled' || done === 'unlocked' ? done : undefined;
    await this.render(reply, 200, consoleLanguage(request), staff, { done: shown });
  }

  @Post()
  @Roles('center_admin')
  async invite(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const given = body?.roles;
    const values: InviteFormValues = {
      email: formText(body, 'email').trim(),
      displayName: formText(body, 'displayName').trim(),
      agencyId: formText(body, 'agencyId'),
      roles: (Array.isArray(given) ? given : given ? [given] : []).filter((r) => r !== ''),
    };
    const refuse = (problems: FieldProblem[]) => this.render(reply, 400, language, staff, { values, errors: fieldErrors(language, problems) });
    const sent = {
      email: values.email || undefined,
      displayName: values.displayName || undefined,
      agencyId: values.agencyId || undefined,
      roles: values.roles,
    };
    const save = (dto: InviteStaffUserDto) => this.users.invite(dto, staff.userId);
    if (await savedForm(InviteStaffUserDto, sent, save, refuse, { conflicts: { EMAIL_TAKEN: 'email' } })) seeOther(reply, '/staff/users?done=invited');
  }

  @Post(':id/disable')
  @Roles('center_admin')
  async disable(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    if (!isUuid(id)) throw new NotFoundError('STAFF_USER_NOT_FOUND');
    await this.users.disable(id);
    seeOther(reply, '/staff/users?done=disabled');
  }

  @Post(':id/unlock')
  @Roles('center_admin')
  async unlock(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    if (!isUuid(id)) throw new NotFoundError('STAFF_USER_NOT_FOUND');
    await this.users.unlock(id);
    seeOther(reply, '/staff/users?done=unlocked');
  }

  private async render(reply: FastifyReply, status: number, language: ConsoleLanguage, staff: StaffPrincipal, extra: Partial<UsersPageModel>): Promise<void> {
    const mayManage = hasRole(staff, 'center_admin');
    // Supervisors see their own agency's people; center admins anyone's.
    const [users, agencies] = await Promise.all([this.users.list(mayManage ? undefined : staff.agencyId), this.directory.activeAgencies(language)]);
    const model: UsersPageModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      users,
      agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
      mayManage,
      values: NO_VALUES,
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, usersPage(language, model));
  }
}

function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  return formErrors(problems, ['email', 'displayName', 'agencyId', 'roles'], 'email', (p) => consoleFieldError(language, p));
}
