import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CaseAssignment, Correspondence, InterimAnswers, InternalNotes } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText } from '@petitio/web-kit';
import { AnswerDto, AssignDto, InformationRequestDto, NoteDto, VersionedActionDto } from '@petitio/api-contracts';
import { InterimAnswerDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleApplicationPage, applicationId, valid, versionIn } from './application-page';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { CONSOLE_ACTIONS, ConsoleAction } from './views/application.view';

/**
 * One application and the work on it: who takes it and what is written to the citizen. Each action calls the
 * service the JSON casework controller calls, with its DTO and the version the officer saw.
 */
@ApiExcludeController()
@Controller('staff/applications/:id')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleApplicationController {
  constructor(
    private readonly page: ConsoleApplicationPage,
    private readonly assignment: CaseAssignment,
    private readonly notes: InternalNotes,
    private readonly correspondence: Correspondence,
    private readonly interimAnswers: InterimAnswers,
  ) {}

  /** `canned`: a canned response to fill into the answer ("Use this response"). */
  @Get()
  @Roles('officer', 'supervisor', 'center_admin', 'agent', 'data_protection')
  async show(
    @Param('id') id: string,
    @Query('done') done: string | undefined,
    @Query('canned') canned: string | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const action = done && Object.hasOwn(CONSOLE_ACTIONS, done) ? (done as ConsoleAction) : undefined;
    await this.page.render(reply, 200, consoleLanguage(request), staff, applicationId(id), {
      done: action,
      cannedResponseId: typeof canned === 'string' ? canned : undefined,
    });
  }

  /** The identity and the text as written, for a stated reason: shown on this response only, and recorded. */
  @Post('reveal')
  @Roles('officer', 'supervisor', 'center_admin', 'data_protection')
  async reveal(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.page.reveal(request, reply, staff, id, formText(body, 'reason'));
  }

  @Post(CONSOLE_ACTIONS.claim.path)
  @Roles(...CONSOLE_ACTIONS.claim.roles)
  async claim(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.page.act(request, reply, staff, id, 'claim', {}, async () => {
      const dto = await valid(VersionedActionDto, { version: versionIn(body) });
      await this.assignment.claim(staff, applicationId(id), dto.version);
    });
  }

  @Post(CONSOLE_ACTIONS.start.path)
  @Roles(...CONSOLE_ACTIONS.start.roles)
  async start(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.page.act(request, reply, staff, id, 'start', {}, async () => {
      const dto = await valid(VersionedActionDto, { version: versionIn(body) });
      await this.assignment.start(staff, applicationId(id), dto.version);
    });
  }

  @Post(CONSOLE_ACTIONS.assign.path)
  @Roles(...CONSOLE_ACTIONS.assign.roles)
  async assign(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const officerId = formText(body, 'officerId');
    await this.page.act(request, reply, staff, id, 'assign', { 'assign-officerId': officerId }, async () => {
      const dto = await valid(AssignDto, { version: versionIn(body), officerId: officerId || undefined });
      await this.assignment.assign(staff, applicationId(id), dto.version, dto.officerId);
    });
  }

  @Post(CONSOLE_ACTIONS.note.path)
  @Roles(...CONSOLE_ACTIONS.note.roles)
  async note(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const text = formText(body, 'text');
    await this.page.act(request, reply, staff, id, 'note', { 'note-text': text }, async () => {
      const dto = await valid(NoteDto, { version: versionIn(body), text });
      await this.notes.add(staff, applicationId(id), dto.version, dto.text);
    });
  }

  @Post(CONSOLE_ACTIONS.ask.path)
  @Roles(...CONSOLE_ACTIONS.ask.roles)
  async ask(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const question = formText(body, 'question');
    await this.page.act(request, reply, staff, id, 'ask', { 'ask-question': question }, async () => {
      const dto = await valid(InformationRequestDto, { version: versionIn(body), question });
      await this.correspondence.requestInformation(staff, applicationId(id), dto.version, dto.question);
    });
  }

  @Post(CONSOLE_ACTIONS.interim.path)
  @Roles(...CONSOLE_ACTIONS.interim.roles)
  async interim(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const text = formText(body, 'text');
    await this.page.act(request, reply, staff, id, 'interim', { 'interim-text': text }, async () => {
      const dto = await valid(InterimAnswerDto, { version: versionIn(body), text });
      await this.interimAnswers.send(staff, applicationId(id), dto.version, dto.text);
    });
  }

  /** The answer goes out as the officer's words: a canned response was filled into the text beforehand ("Use this response"). */
  @Post(CONSOLE_ACTIONS.answer.path)
  @Roles(...CONSOLE_ACTIONS.answer.roles)
  async answer(
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const text = formText(body, 'text');
    await this.page.act(request, reply, staff, id, 'answer', { 'answer-text': text }, async () => {
      const dto = await valid(AnswerDto, { version: versionIn(body), text });
      await this.correspondence.answer(staff, applicationId(id), dto.version, { text: dto.text! });
    });
  }
}
