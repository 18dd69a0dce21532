import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ENVIRONMENT, Environment, FieldProblem, NotFoundError, TooManyRequestsError, UnauthenticatedError } from '@petitio/platform';
import { StaffPrincipal, StaffSessionsService } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { SignInDto } from '@petitio/api-contracts';
import { CurrentStaff } from '@petitio/http-api';
import { ConsoleErrorFilter } from './console-errors.filter';
import { consoleLanguage, consolePageToReturnTo, isConsoleLanguage, languageCookie } from './console-language';
import { consoleHeaders, sendConsolePage, seeOther } from './console-response';
import { clearedSessionCookie, fromOwnPage, sessionCookie } from './console-session';
import { ConsoleSessionGuard } from './console-session.guard';
import { CONSOLE_CSS } from './console-stylesheet';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from './i18n';
import { consoleErrorPage } from './views/error.view';
import { signInPage } from './views/sign-in.view';

const YEAR_SECONDS = 365 * 24 * 3600;

/** Signing in and out of the console, over the same StaffSessionsService as POST /api/v1/staff/session. */
@ApiExcludeController()
@Controller('staff')
@UseFilters(ConsoleErrorFilter)
export class ConsoleSignInController {
  constructor(
    private readonly sessions: StaffSessionsService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  home(@Res() reply: FastifyReply): void {
    seeOther(reply, '/staff/inbox');
  }

  @Get('assets/console.css')
  stylesheet(@Res() reply: FastifyReply): void {
    void consoleHeaders(reply)
      .headers({ 'content-type': 'text/css; charset=utf-8', 'cache-control': `public, max-age=${YEAR_SECONDS}, immutable` })
      .send(CONSOLE_CSS);
  }

  /** The header's language links: remembers the choice (a preference, no session needed) and shows the same page again. */
  @Get('language/:lang')
  language(@Param('lang') lang: string, @Query('back') back: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    if (!isConsoleLanguage(lang)) throw new NotFoundError('PAGE_NOT_FOUND');
    seeOther(reply, consolePageToReturnTo(request, typeof back === 'string' ? back : undefined), [languageCookie(this.env, lang)]);
  }

  @Get('sign-in')
  form(@Req() request: FastifyRequest, @Query('out') out: string | undefined, @Res() reply: FastifyReply): void {
    sendConsolePage(reply, 200, signInPage(consoleLanguage(request), { email: '', errors: {}, signedOut: out === '1' }));
  }

  @Post('sign-in')
  async signIn(@Req() request: FastifyRequest, @Body() body: FormBody, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const t = consoleTexts(language);
    if (!fromOwnPage(request, this.env)) return sendConsolePage(reply, 403, consoleErrorPage(language, 'formExpired'));
    const email = formText(body, 'email').trim();
    const password = formText(body, 'password');
    const { problems } = await validateAs(SignInDto, { email, password });
    if (!email) problems.unshift({ field: 'email', code: 'emailRequired' });
    if (!password) problems.push({ field: 'password', code: 'passwordRequired' });
    if (problems.length) return sendConsolePage(reply, 400, signInPage(language, { email, errors: fieldErrors(language, problems) }));
    try {
      const signedIn = await this.sessions.signIn(email, password, request.ip);
      seeOther(reply, '/staff/inbox', [sessionCookie(this.env, signedIn.token)]);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        return sendConsolePage(reply, 401, signInPage(language, { email, errors: {}, refused: t.signIn.invalidCredentials }));
      }
      if (error instanceof TooManyRequestsError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
        const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
        const sentence =
          error.code === 'ACCOUNT_BACKOFF' ? t.signIn.backoff : error.code === 'TOO_MANY_SIGN_IN_FAILURES' ? t.signIn.tooManyFromClient : t.signIn.locked;
        return sendConsolePage(reply, 429, signInPage(language, { email, errors: {}, refused: sentence({ minutes }) }));
      }
      throw error;
    }
  }

  @Post('sign-out')
  @UseGuards(ConsoleSessionGuard)
  async signOut(@CurrentStaff() staff: StaffPrincipal, @Res() reply: FastifyReply): Promise<void> {
    await this.sessions.signOut(staff.sessionId);
    seeOther(reply, '/staff/sign-in?out=1', [clearedSessionCookie(this.env)]);
  }
}

/** Field id → sentence; "required" on an empty field says which field in words of its own. */
function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  const s = consoleTexts(language).signIn;
  const errors: FieldErrors = {};
  for (const p of problems) {
    errors[p.field] ??= p.code === 'emailRequired' ? s.emailRequired : p.code === 'passwordRequired' ? s.passwordRequired : consoleFieldError(language, p);
  }
  return errors;
}
