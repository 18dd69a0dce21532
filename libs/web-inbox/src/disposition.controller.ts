import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApplicationClosing, ApplicationRejections, ApplicationTransfers, DeadlineExtensions, DuplicateMerges } from '@petitio/casework';
import { NotFoundError } from '@petitio/platform';
import { CLOCK_KINDS, ClockKind } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText } from '@petitio/web-kit';
import { CloseDto, DuplicateOfDto, RejectionDto, TransferDto } from '@petitio/api-contracts';
import { ExtensionDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleApplicationPage, applicationId, optionalText, valid, versionIn } from './application-page';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { CONSOLE_ACTIONS } from './views/application.view';

/** How an application leaves the agency's hands, and its deadlines: the JSON disposition and deadline routes as forms. */
@ApiExcludeController()
@Controller('staff/applications/:id')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleDispositionController {
  constructor(
    private readonly page: ConsoleApplicationPage,
    private readonly transfers: ApplicationTransfers,
    private readonly rejections: ApplicationRejections,
    private readonly duplicates: DuplicateMerges,
    private readonly closing: ApplicationClosing,
    private readonly extensions: DeadlineExtensions,
  ) {}

  @Post(CONSOLE_ACTIONS.transfer.path)
  @Roles(...CONSOLE_ACTIONS.transfer.roles)
  async transfer(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const [toAgencyId, reasonCode, note] = ['toAgencyId', 'reasonCode', 'note'].map((f) => formText(body, f));
    const values = { 'transfer-toAgencyId': toAgencyId, 'transfer-reasonCode': reasonCode, 'transfer-note': note };
    await this.page.act(request, reply, staff, id, 'transfer', values, async () => {
      const dto = await valid(TransferDto, {
        version: versionIn(body),
        toAgencyId: toAgencyId || undefined,
        reasonCode: reasonCode || undefined,
        note: optionalText(body, 'note'),
      });
      await this.transfers.transfer(staff, applicationId(id), dto.version, { toAgencyId: dto.toAgencyId, reasonCode: dto.reasonCode, note: dto.note });
    });
  }

  @Post(CONSOLE_ACTIONS.reject.path)
  @Roles(...CONSOLE_ACTIONS.reject.roles)
  async reject(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const [reasonCode, text] = ['reasonCode', 'text'].map((f) => formText(body, f));
    await this.page.act(request, reply, staff, id, 'reject', { 'reject-reasonCode': reasonCode, 'reject-text': text }, async () => {
      const dto = await valid(RejectionDto, { version: versionIn(body), reasonCode: reasonCode || undefined, text });
      await this.rejections.reject(staff, applicationId(id), dto.version, { reasonCode: dto.reasonCode, text: dto.text });
    });
  }

  @Post(CONSOLE_ACTIONS.duplicate.path)
  @Roles(...CONSOLE_ACTIONS.duplicate.roles)
  async duplicate(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const originalId = formText(body, 'originalId').trim();
    await this.page.act(request, reply, staff, id, 'duplicate', { 'duplicate-originalId': originalId }, async () => {
      const dto = await valid(DuplicateOfDto, { version: versionIn(body), originalId: originalId || undefined });
      await this.duplicates.merge(staff, applicationId(id), dto.version, dto.originalId);
    });
  }

  @Post(CONSOLE_ACTIONS.close.path)
  @Roles(...CONSOLE_ACTIONS.close.roles)
  async close(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.page.act(request, reply, staff, id, 'close', {}, async () => {
      const dto = await valid(CloseDto, { version: versionIn(body) });
      await this.closing.close(staff, applicationId(id), dto.version);
    });
  }

  @Post(CONSOLE_ACTIONS.extend.path)
  @Roles(...CONSOLE_ACTIONS.extend.roles)
  async extend(
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!(CLOCK_KINDS as readonly string[]).includes(kind)) throw new NotFoundError('SLA_CLOCK_NOT_FOUND');
    const clock = kind as ClockKind;
    const reason = formText(body, 'reason');
    await this.page.act(request, reply, staff, id, `extend-${clock}`, { [`extend-${clock}-reason`]: reason }, async () => {
      const dto = await valid(ExtensionDto, { version: versionIn(body), reason });
      await this.extensions.extend(staff, applicationId(id), dto.version, clock, dto.reason);
    });
  }
}
