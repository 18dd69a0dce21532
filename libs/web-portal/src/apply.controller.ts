import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ATTACHMENTS_FIELD, ApplicationAttachments, IncomingAttachment } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { ConflictError, ENVIRONMENT, Environment, FieldProblem, InvalidInputError } from '@petitio/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateApplicationDto } from '@petitio/api-contracts';
import { idempotencyKeyOf, toNewApplication } from '@petitio/api-contracts';
import { FormBody, applicationBodyOf, formText, validateAs } from '@petitio/web-kit';
import type { MessageValues } from '@petitio/i18n';
import { PortalLanguage, fieldErrorMessage, textsFor } from './i18n';
import { multipartBodyLimit, readMultipartForm } from './multipart-form';
import { PortalChoices } from './portal-choices';
import { pageLanguage } from './portal-language';
import { sendPage } from '@petitio/web-kit';
import { ADDRESS_MAX, ApplyFormValues, applyPage, megabytes } from './views/apply.view';
import { FieldErrors } from '@petitio/web-kit';
import { receiptPage } from './views/receipt.view';

/** Where the JSON API's field paths show on the form. */
const FORM_FIELD: Record<string, string> = {
  'citizen.name': 'name',
  'citizen.phone': 'phone',
  'citizen.email': 'email',
  'location.provinceCode': 'provinceCode',
  'location.districtCode': 'districtCode',
  language: 'preferredLanguage',
  'Idempotency-Key': 'submissionKey',
};

/** The apply form: the same intake, validation and idempotency as POST /api/v1/applications, as a page. */
@ApiExcludeController()
@Controller(':lang/apply')
export class ApplyController {
  constructor(
    private readonly attachments: ApplicationAttachments,
    private readonly choices: PortalChoices,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  async form(@Param('lang') lang: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    await this.render(reply, 200, language, { ...EMPTY_FORM, submissionKey: randomUUID() }, {});
  }

  /** multipart/form-data from the page (files optional); application/x-www-form-urlencoded still works without files. */
  @Post()
  async submit(@Param('lang') lang: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    const limits = this.attachments.limits;
    const form = request.isMultipart()
      ? await readMultipartForm(request, multipartBodyLimit({ ...limits, fieldBytes: this.env.HTTP_BODY_LIMIT_BYTES }))
      : { body: (request.body ?? {}) as FormBody, files: [] as IncomingAttachment[], tooManyFiles: false };
    const values = readForm(form.body);
    const { dto, problems } = await validateAs(
      CreateApplicationDto,
      applicationBodyOf({ ...values, body: withPlace(values, language) }, values.preferredLanguage || language, values.confidential),
    );
    if (values.address.length > ADDRESS_MAX) problems.push({ field: 'address', code: 'maxLength', args: { max: ADDRESS_MAX } });
    if (!values.consent) problems.push({ field: 'consent', code: 'required' });
    problems.push(...this.fileProblems(form.files, form.tooManyFiles));
    let key: string | undefined;
    try {
      key = idempotencyKeyOf(values.submissionKey || undefined);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...error.problems);
      values.submissionKey = randomUUID();
    }
    if (problems.length) return this.render(reply, 400, language, values, this.localised(language, problems, form.files.length > 0));
    try {
      const receipt = await this.attachments.submit(toNewApplication(dto, 'web', { type: 'citizen' }, language), key, form.files);
      sendPage(reply, 201, receiptPage(language, { trackingNumber: formatTrackingNumber(receipt.trackingNumber), accessCode: receipt.accessCode }));
    } catch (error) {
      if (error instanceof InvalidInputError) return this.render(reply, 400, language, values, this.localised(language, error.problems, form.files.length > 0));
      if (error instanceof ConflictError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
        return this.render(reply, 422, language, { ...values, submissionKey: randomUUID() }, {}, textsFor(language).apply.resubmitted);
      }
      throw error;
    }
  }

  private async render(reply: FastifyReply, status: number, language: PortalLanguage, values: ApplyFormValues, errors: FieldErrors, formError?: string) {
    const choices = await this.choices.forLanguage(language);
    sendPage(reply, status, applyPage(language, { values, errors, formError, choices, attachmentLimits: this.attachments.limits }));
  }

  /** The files' problems, checked with the rest of the form so the citizen sees every message at once. */
  private fileProblems(files: IncomingAttachment[], tooManyFiles: boolean): FieldProblem[] {
    if (tooManyFiles) return [{ field: ATTACHMENTS_FIELD, code: 'too_many' }];
    try {
      this.attachments.check(files);
      return [];
    } catch (error) {
      if (error instanceof InvalidInputError) return error.problems;
      throw error;
    }
  }

  /**
   * Field errors in the page language, limits filled in. A browser cannot put files back into a form, so when
   * files were sent and the form is refused for something else, the citizen is asked to choose them again.
   */
  private localised(language: PortalLanguage, problems: FieldProblem[], filesSent: boolean): FieldErrors {
    const { maxFiles, maxBytes } = this.attachments.limits;
    const limits = { files: maxFiles, mb: megabytes(maxBytes) };
    const errors = localised(language, problems, limits);
    if (filesSent && !errors.attachments) {
      errors.attachments = fieldErrorMessage(language, ATTACHMENTS_FIELD, { field: ATTACHMENTS_FIELD, code: 'again' });
    }
    return errors;
  }
}

const EMPTY_FORM: ApplyFormValues = {
  type: '',
  topic: '',
  subject: '',
  body: '',
  provinceCode: '',
  districtCode: '',
  address: '',
  name: '',
  phone: '',
  email: '',
  confidential: false,
  consent: false,
  submissionKey: '',
  preferredLanguage: '',
};

function readForm(body: FormBody): ApplyFormValues {
  const text = (name: string) => formText(body, name);
  return {
    type: text('type'),
    topic: text('topic'),
    subject: text('subject'),
    body: text('body'),
    provinceCode: text('provinceCode'),
    districtCode: text('districtCode'),
    address: text('address'),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    confidential: text('confidential') !== '',
    consent: text('consent') !== '',
    submissionKey: text('submissionKey'),
    preferredLanguage: text('preferredLanguage'),
  };
}

/** Petitio keeps no free-form place: the citizen's words for it join the text the agency reads, under a label. */
function withPlace(values: ApplyFormValues, language: PortalLanguage): string {
  const place = values.address.trim();
  if (!place || !values.body.trim()) return values.body;
  return `${values.body.trim()}\n\n${textsFor(language).apply.addressLine({ place })}`;
}

function localised(language: PortalLanguage, problems: FieldProblem[], limits: MessageValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = FORM_FIELD[problem.field] ?? problem.field;
    errors[field] ??= fieldErrorMessage(language, field, problem, limits);
  }
  return errors;
}
