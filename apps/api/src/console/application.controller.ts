import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApplicationDetailService, CaseAssignment, Correspondence, InternalNotes } from '@petitio/applications';
import { ConflictError, ENVIRONMENT, Environment, IllegalTransitionError, InvalidInputError, NotFoundError, StaleVersionError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, validateAs } from '../portal/form-values';
import { FieldErrors } from '../portal/views/form-fields';
import { AnswerDto, InformationRequestDto, NoteDto, VersionedActionDto } from '../staff/dto/casework.dto';
import { CurrentStaff, Roles } from '../staff/staff-auth.guard';
import { ConsoleCsrf } from './console-csrf';
import { ConsoleErrorFilter } from './console-errors.filter';
import { consoleLanguage } from './console-language';
import { sendConsolePage, seeOther } from './console-response';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from './i18n';
import { ApplicationPageModel, CONSOLE_ACTIONS, ConsoleAction, applicationPage } from './views/application.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One application and the officer's actions on it. Each action calls the service the JSON casework
 * controller calls, with the version the officer saw; success goes back to the page (303) with a
 * confirmation, a refusal shows the page again with the reason next to the form.
 */
@ApiExcludeController()
@Controller('staff/applications/:id')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleApplicationController {
  constructor(
    private readonly details: ApplicationDetailService,
    private readonly assignment: CaseAssignment,
    private readonly notes: InternalNotes,
    private readonly correspondence: Correspondence,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  @Roles('officer', 'supervisor', 'center_admin', 'agent')
  async show(
    @Param('id') id: string,
    @Query('done') done: string | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const action = done && done in CONSOLE_ACTIONS ? (done as ConsoleAction) : undefined;
    await this.render(reply, 200, consoleLanguage(request), staff, applicationId(id), { done: action });
  }

  @Post(CONSOLE_ACTIONS.claim.path)
  @Roles(...CONSOLE_ACTIONS.claim.roles)
  async claim(@Param('id') id: string, @Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.act(request, reply, staff, id, 'claim', {}, async () => {
      const dto = await valid(VersionedActionDto, { version: versionIn(body) });
      await this.assignment.claim(staff, applicationId(id), dto.version);
    });
  }

  @Post(CONSOLE_ACTIONS.note.path)
  @Roles(...CONSOLE_ACTIONS.note.roles)
  async note(@Param('id') id: string, @Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const text = formText(body, 'text');
    await this.act(request, reply, staff, id, 'note', { 'note-text': text }, async () => {
      const dto = await valid(NoteDto, { version: versionIn(body), text });
      await this.notes.add(staff, applicationId(id), dto.version, dto.text);
    });
  }

  @Post(CONSOLE_ACTIONS.ask.path)
  @Roles(...CONSOLE_ACTIONS.ask.roles)
  async ask(@Param('id') id: string, @Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const question = formText(body, 'question');
    await this.act(request, reply, staff, id, 'ask', { 'ask-question': question }, async () => {
      const dto = await valid(InformationRequestDto, { version: versionIn(body), question });
      await this.correspondence.requestInformation(staff, applicationId(id), dto.version, dto.question);
    });
  }

  @Post(CONSOLE_ACTIONS.answer.path)
  @Roles(...CONSOLE_ACTIONS.answer.roles)
  async answer(@Param('id') id: string, @Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const text = formText(body, 'text');
    await this.act(request, reply, staff, id, 'answer', { 'answer-text': text }, async () => {
      const dto = await valid(AnswerDto, { version: versionIn(body), text });
      await this.correspondence.answer(staff, applicationId(id), dto.version, { text: dto.text! });
    });
  }

  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffPrincipal,
    id: string,
    action: ConsoleAction,
    values: Record<string, string>,
    perform: () => Promise<void>,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const refused = consoleTexts(language).refused;
    try {
      await perform();
      return seeOther(reply, `/staff/applications/${applicationId(id)}?done=${action}`);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        const errors: FieldErrors = {};
        let versionProblem: string | undefined;
        for (const p of error.problems) {
          if (p.field === 'version') versionProblem ??= refused.STALE_VERSION;
          else errors[`${action}-${p.field}`] ??= consoleFieldError(language, p);
        }
        return this.render(reply, 400, language, staff, applicationId(id), {
          errors,
          values,
          refused: versionProblem ? { action, text: versionProblem } : undefined,
        });
      }
      if (error instanceof StaleVersionError || error instanceof IllegalTransitionError || error instanceof ConflictError) {
        return this.render(reply, 409, language, staff, applicationId(id), { values, refused: { action, text: refused[error.code] ?? refused.default } });
      }
      throw error;
    }
  }

  private async render(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    id: string,
    extra: Partial<Pick<ApplicationPageModel, 'done' | 'refused' | 'errors' | 'values'>>,
  ): Promise<void> {
    const application = await this.details.find(staff, id, language);
    sendConsolePage(
      reply,
      status,
      applicationPage(language, {
        application,
        viewer: { userId: staff.userId, roles: staff.roles },
        csrf: this.csrf.tokenFor(staff.sessionId),
        timeZone: this.env.CALENDAR_TIME_ZONE,
        errors: {},
        values: {},
        ...extra,
      }),
    );
  }
}

/** An id that is no UUID names no application: the same 404 as one out of reach. */
function applicationId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('APPLICATION_NOT_FOUND', 'no such application in your reach');
  return id;
}

function versionIn(body: FormBody): unknown {
  const version = formText(body, 'version');
  return /^\d{1,9}$/.test(version) ? Number(version) : version || undefined;
}

async function valid<T>(metatype: new () => T, value: object): Promise<T> {
  const { dto, problems } = await validateAs(metatype, value);
  if (problems.length) throw new InvalidInputError(problems);
  return dto;
}
