import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ENVIRONMENT, Environment, FieldProblem, InvalidInputError, SafeHtml, UnauthenticatedError } from '@petitio/platform';
import { PASSWORD_MIN_LENGTH, StaffSessionsService, StaffUsersService } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { SetPasswordDto } from '@petitio/api-contracts';
import { ConsoleErrorFilter } from './console-errors.filter';
import { consoleLanguage } from './console-language';
import { sendConsolePage, seeOther } from './console-response';
import { fromOwnPage, sessionCookie } from './console-session';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from './i18n';
import { consoleErrorPage } from './views/error.view';
import { invalidPasswordLinkPage, setPasswordPage } from './views/set-password.view';

/** The token is in this page's address and form: no Referer may carry it elsewhere, no cache may keep it. */
const LINK_PAGE_HEADERS = { 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

/**
 * The page an invitation email links to: a new user sets a password (PUT /api/v1/staff/password's rules) and is
 * signed in to the console at once. There is no session yet: the form is checked as the sign-in form is, by origin.
 */
@ApiExcludeController()
@Controller('staff/set-password')
@UseFilters(ConsoleErrorFilter)
export class ConsoleSetPasswordController {
  constructor(
    private readonly users: StaffUsersService,
    private readonly sessions: StaffSessionsService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  async form(@Query('token') token: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const given = typeof token === 'string' ? token : '';
    if (!given || given.length > 200 || !(await this.users.passwordLinkUsable(given))) return this.send(reply, 400, invalidPasswordLinkPage(language));
    this.send(reply, 200, setPasswordPage(language, { token: given, errors: {} }));
  }

  @Post()
  async setPassword(@Req() request: FastifyRequest, @Body() body: FormBody, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    if (!fromOwnPage(request, this.env)) return this.send(reply, 403, consoleErrorPage(language, 'formExpired'));
    const token = formText(body, 'token');
    const password = formText(body, 'password');
    const { problems } = await validateAs(SetPasswordDto, { token, password });
    if (problems.some((p) => p.field === 'token')) return this.send(reply, 400, invalidPasswordLinkPage(language));
    if (!password)
      return this.send(reply, 400, setPasswordPage(language, { token, errors: { password: consoleTexts(language).setPassword.passwordRequired } }));
    if (problems.length) return this.send(reply, 400, setPasswordPage(language, { token, errors: fieldErrors(language, problems) }));
    try {
      const userId = await this.users.setPassword(token, password);
      const signedIn = await this.sessions.startSession(userId);
      seeOther(reply, '/staff/inbox', [sessionCookie(this.env, signedIn.token)]);
    } catch (error) {
      if (error instanceof InvalidInputError) return this.send(reply, 400, setPasswordPage(language, { token, errors: fieldErrors(language, error.problems) }));
      if (error instanceof UnauthenticatedError) return this.send(reply, 400, invalidPasswordLinkPage(language));
      throw error;
    }
  }

  private send(reply: FastifyReply, status: number, page: SafeHtml): void {
    sendConsolePage(reply, status, page, LINK_PAGE_HEADERS);
  }
}

function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  const s = consoleTexts(language).setPassword;
  const p = problems.find((q) => q.field === 'password') ?? problems[0];
  const text = p.code === 'too_short' ? s.tooShort({ min: PASSWORD_MIN_LENGTH }) : consoleFieldError(language, p);
  return { password: text };
}
