import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CallerApplicationsService } from '@petitio/inbox';
import { IntakeService } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { ConflictError, ENVIRONMENT, Environment, FieldProblem, InvalidInputError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateApplicationDto } from '@petitio/api-contracts';
import { idempotencyKeyOf, toNewApplication } from '@petitio/api-contracts';
import { FormBody, applicationBodyOf, formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from '@petitio/web-console';
import { CALL_FIELDS, CallFormValues, CallsPageModel, callsPage } from './views/calls.view';

const EMPTY: CallFormValues = Object.fromEntries(CALL_FIELDS.map((f) => [f, ''])) as CallFormValues;

/**
 * The call center's intake: look a caller up by phone number and file an application on their behalf, with
 * the JSON agent intake's DTO and services. The lookup's number travels in the query string, which the
 * request log never writes, and never reaches a title.
 */
@ApiExcludeController()
@Controller('staff/calls')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
@Roles('agent')
export class ConsoleCallsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly callers: CallerApplicationsService,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get('new')
  form(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    sendConsolePage(reply, 200, callsPage(consoleLanguage(request), this.model(staff, {})));
  }

  @Get('lookup')
  async lookup(@Query() query: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const phone = formText(query, 'phone').trim();
    const lookupError = (message: string) =>
      sendConsolePage(reply, 400, callsPage(language, this.model(staff, { lookup: { phone }, errors: { 'lookup-phone': message } })));
    if (phone === '') return lookupError(consoleTexts(language).fieldErrors.isDefined);
    try {
      const items = await this.callers.byPhone(staff, phone, language);
      // The number found goes into the intake form: the caller is usually filing from it.
      sendConsolePage(reply, 200, callsPage(language, this.model(staff, { lookup: { phone, items }, values: { ...EMPTY, phone } })));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return lookupError(consoleTexts(language).calls.phoneInvalid);
    }
  }

  @Post('new')
  async submit(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const values = Object.fromEntries(CALL_FIELDS.map((f) => [f, formText(body, f)])) as CallFormValues;
    const refuse = (problems: FieldProblem[]) =>
      sendConsolePage(reply, 400, callsPage(language, this.model(staff, { values, errors: fieldErrors(language, problems) })));
    const { dto, problems } = await validateAs(CreateApplicationDto, applicationBodyOf(values, values.language, values.confidential !== ''));
    if (problems.length) return refuse(problems);
    try {
      const receipt = await this.intake.submit(
        toNewApplication(dto, 'agent', { type: 'staff', id: staff.userId }, language),
        idempotencyKeyOf(formText(body, 'submissionKey') || undefined),
      );
      const shown = { trackingNumber: formatTrackingNumber(receipt.trackingNumber), accessCode: receipt.accessCode };
      sendConsolePage(reply, 201, callsPage(language, this.model(staff, { receipt: shown })));
    } catch (error) {
      // An unknown topic or region, or a key that is no key: said next to the field like the DTO's own checks.
      if (error instanceof InvalidInputError) return refuse(error.problems);
      // Back, edit, send again: the typed call is kept and goes out under a new key once the agent confirms.
      if (error instanceof ConflictError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
        return sendConsolePage(reply, 422, callsPage(language, this.model(staff, { values, errors: { body: consoleTexts(language).calls.resubmitted } })));
      }
      throw error;
    }
  }

  private model(staff: StaffPrincipal, extra: Partial<CallsPageModel>): CallsPageModel {
    return {
      csrf: this.csrf.tokenFor(staff.sessionId),
      roles: staff.roles,
      timeZone: this.env.CALENDAR_TIME_ZONE,
      submissionKey: randomUUID(),
      values: EMPTY,
      errors: {},
      lookup: { phone: '' },
      ...extra,
    };
  }
}

/** `citizen.phone` → `phone`, `location.provinceCode` → `provinceCode`: the form's field ids. */
function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const id = p.field.split('.').pop() ?? p.field;
    const field = (CALL_FIELDS as readonly string[]).includes(id) ? id : 'body';
    errors[field] ??= field === 'phone' && p.code === 'invalid' ? consoleTexts(language).calls.phoneInvalid : consoleFieldError(language, p);
  }
  return errors;
}
