import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiClientKind, ApiClients } from '@petitio/api-clients';
import { CreateApiClientDto } from '@petitio/api-contracts';
import { DirectoryService } from '@petitio/directory';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ENVIRONMENT, Environment, FieldProblem, NotFoundError, isUuid } from '@petitio/platform';
import { StaffPrincipal } from '@petitio/staff';
import { FormBody, formText } from '@petitio/web-kit';
import {
  ConsoleCsrf,
  ConsoleErrorFilter,
  ConsoleLanguage,
  ConsoleSessionGuard,
  consoleLanguage,
  formErrors,
  savedForm,
  seeOther,
  sendConsolePage,
} from '@petitio/web-console';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { integrationsFieldError } from './integrations-texts';
import { API_CLIENTS_PATH, ApiClientFormValues, ApiClientsPageModel, apiClientsPage, issuedKeyPage } from './views/api-clients.view';

const NO_VALUES: ApiClientFormValues = { name: '', kind: 'open311', agencyId: '' };

/** API keys: center admins issue (the key shown once, on the answer), list and revoke them. ApiClients' rules. */
@ApiExcludeController()
@Controller('staff/admin/api-clients')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleApiClientsController {
  constructor(
    private readonly clients: ApiClients,
    private readonly directory: DirectoryService,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  @Roles('center_admin')
  async list(@Query('done') done: unknown, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, 200, consoleLanguage(request), staff, { revoked: done === 'revoked' });
  }

  @Post()
  @Roles('center_admin')
  async issue(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const values: ApiClientFormValues = { name: formText(body, 'name').trim(), kind: formText(body, 'kind'), agencyId: formText(body, 'agencyId') };
    const refuse = (problems: FieldProblem[]) =>
      this.render(reply, 400, language, staff, {
        values,
        errors: formErrors(problems, ['name', 'kind', 'agencyId'], 'name', (p) => integrationsFieldError(language, p)),
      });
    let issued: { name: string; key: string } | undefined;
    const save = async (dto: CreateApiClientDto) => {
      const { client, key } = await this.clients.issue({ name: dto.name, kind: dto.kind as ApiClientKind, agencyId: dto.agencyId, createdBy: staff.userId });
      issued = { name: client.name, key };
    };
    // An Open311 client belongs to no agency: a choice left in the menu is not sent with it.
    const sent = { name: values.name, kind: values.kind || undefined, agencyId: values.kind === 'agency' ? values.agencyId || undefined : undefined };
    if (await savedForm(CreateApiClientDto, sent, save, refuse)) {
      sendConsolePage(reply, 201, issuedKeyPage(language, { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, ...issued! }));
    }
  }

  @Post(':id/revoke')
  @Roles('center_admin')
  async revoke(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    if (!isUuid(id)) throw new NotFoundError('API_CLIENT_NOT_FOUND');
    await this.clients.revoke(id);
    seeOther(reply, `${API_CLIENTS_PATH}?done=revoked`);
  }

  private async render(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    extra: Partial<ApiClientsPageModel>,
  ): Promise<void> {
    const [clients, agencies] = await Promise.all([this.clients.list(), this.directory.activeAgencies(language)]);
    const model: ApiClientsPageModel = {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      timeZone: this.env.CALENDAR_TIME_ZONE,
      clients,
      agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
      values: NO_VALUES,
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, apiClientsPage(language, model));
  }
}
