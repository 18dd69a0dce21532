import { Body, Controller, Get, Inject, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CitizenFeedback, CitizenReplies } from '@petitio/casework';
import { StatusLookupService, checkedTrackingNumber } from '@petitio/intake';
import { formatTrackingNumber } from '@petitio/applications';
import { ConflictError, ENVIRONMENT, Environment, FieldProblem, IllegalTransitionError, InvalidInputError, NotFoundError } from '@petitio/platform';
import type { FastifyReply } from 'fastify';
import { AppealDto, RatingDto } from '@petitio/api-contracts';
import { CitizenReplyDto } from '@petitio/api-contracts';
import { idempotencyKeyOf } from '@petitio/api-contracts';
import { StatusLookupRateLimitGuard } from '@petitio/web-kit';
import { LookupClient } from '@petitio/web-kit';
import { FormBody, formText, validateAs } from '@petitio/web-kit';
import { PortalLanguage, fieldErrorMessage, textsFor } from './i18n';
import { pageLanguage } from './portal-language';
import { sendPage } from '@petitio/web-kit';
import { StatusLockoutFilter } from './status-lockout.filter';
import { FieldErrors } from '@petitio/web-kit';
import { StatusPageModel, lookupPage, statusPage } from './views/status.view';

type ActionForm = 'reply' | 'rating' | 'appeal';
type Proof = { trackingNumber: string; accessCode: string; client: string };

/**
 * Following an application: the access code travels in POST bodies only (never in a URL, so never in logs
 * or a Referer); only the link in a message carries the tracking number, which logs mask. Every action
 * re-renders the status page with what happened.
 */
@ApiExcludeController()
@Controller(':lang/status')
@UseFilters(StatusLockoutFilter)
export class StatusController {
  constructor(
    private readonly statusLookup: StatusLookupService,
    private readonly replies: CitizenReplies,
    private readonly feedback: CitizenFeedback,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  form(@Param('lang') lang: string, @Res() reply: FastifyReply): void {
    sendPage(reply, 200, lookupPage(pageLanguage(lang), { trackingNumber: '', errors: {} }));
  }

  /** Where the link in a message lands: the lookup form with the number filled in; the access code is asked for, never taken from the URL. */
  @Get(':trackingNumber')
  prefilled(@Param('lang') lang: string, @Param('trackingNumber') input: string, @Res() reply: FastifyReply): void {
    const language = pageLanguage(lang);
    try {
      sendPage(reply, 200, lookupPage(language, { trackingNumber: formatTrackingNumber(checkedTrackingNumber(input)), errors: {} }));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      sendPage(reply, 400, lookupPage(language, { trackingNumber: input, errors: localised(language, error.problems) }));
    }
  }

  @Post()
  @UseGuards(StatusLookupRateLimitGuard)
  async show(@Param('lang') lang: string, @Body() body: FormBody, @LookupClient() client: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    const trackingNumber = formText(body, 'trackingNumber').trim();
    const accessCode = formText(body, 'accessCode').trim();
    const missing: FieldProblem[] = [
      ...(trackingNumber ? [] : [{ field: 'trackingNumber', code: 'required' }]),
      ...(accessCode ? [] : [{ field: 'accessCode', code: 'required' }]),
    ];
    if (missing.length) return sendPage(reply, 400, lookupPage(language, { trackingNumber, errors: localised(language, missing) }));
    await this.renderStatus(reply, 200, language, { trackingNumber, accessCode, client });
  }

  @Post('reply')
  @UseGuards(StatusLookupRateLimitGuard)
  async reply(@Param('lang') lang: string, @Body() body: FormBody, @LookupClient() client: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    const form = { accessCode: formText(body, 'accessCode'), text: formText(body, 'text') };
    await this.act(reply, language, body, client, 'reply', { 'reply-text': form.text }, async () => {
      const { problems } = await validateAs(CitizenReplyDto, form);
      if (problems.length) throw new InvalidInputError(problems);
      const submissionKey = idempotencyKeyOf(formText(body, 'submissionKey') || undefined);
      await this.replies.fromWeb(formText(body, 'trackingNumber'), form.accessCode, client, form.text, submissionKey);
      return textsFor(language).status.reply.done;
    });
  }

  @Post('rating')
  @UseGuards(StatusLookupRateLimitGuard)
  async rating(@Param('lang') lang: string, @Body() body: FormBody, @LookupClient() client: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    const score = formText(body, 'score');
    const comment = formText(body, 'comment');
    const form = {
      accessCode: formText(body, 'accessCode'),
      ...(score ? { score: /^\d+$/.test(score) ? Number(score) : score } : {}),
      ...(comment.trim() ? { comment } : {}),
    };
    await this.act(reply, language, body, client, 'rating', { 'rating-score': score, 'rating-comment': comment }, async () => {
      const { dto, problems } = await validateAs(RatingDto, form);
      if (problems.length) throw new InvalidInputError(problems);
      const outcome = await this.feedback.rate(formText(body, 'trackingNumber'), dto.accessCode, client, { score: dto.score, comment: dto.comment });
      return outcome.appealOpened ? textsFor(language).status.rating.reopened : textsFor(language).status.rating.done;
    });
  }

  @Post('appeal')
  @UseGuards(StatusLookupRateLimitGuard)
  async appeal(@Param('lang') lang: string, @Body() body: FormBody, @LookupClient() client: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    const form = { accessCode: formText(body, 'accessCode'), text: formText(body, 'text') };
    await this.act(reply, language, body, client, 'appeal', { 'appeal-text': form.text }, async () => {
      const { problems } = await validateAs(AppealDto, form);
      if (problems.length) throw new InvalidInputError(problems);
      await this.feedback.appeal(formText(body, 'trackingNumber'), form.accessCode, client, form.text.trim());
      return textsFor(language).status.appeal.done;
    });
  }

  /** Runs an action from the status page, then shows the page again with its outcome next to the form. */
  private async act(
    reply: FastifyReply,
    language: PortalLanguage,
    body: FormBody,
    client: string,
    form: ActionForm,
    values: Record<string, string>,
    perform: () => Promise<string>,
  ): Promise<void> {
    const proof = { trackingNumber: formText(body, 'trackingNumber').trim(), accessCode: formText(body, 'accessCode').trim(), client };
    try {
      const done = await perform();
      return this.renderStatus(reply, 200, language, proof, { notice: { kind: 'done', text: done } });
    } catch (error) {
      const refused = textsFor(language).status.refused;
      if (error instanceof InvalidInputError && error.problems.every((p) => p.field !== 'trackingNumber' && p.field !== 'accessCode')) {
        const errors = localised(
          language,
          error.problems.map((p) => ({ ...p, field: `${form}-${p.field}` })),
          (field) => field.slice(form.length + 1),
        );
        return this.renderStatus(reply, 400, language, proof, { errors, values });
      }
      if (error instanceof ConflictError || error instanceof IllegalTransitionError) {
        return this.renderStatus(reply, 409, language, proof, { notice: { kind: 'refused', text: refused[error.code] ?? refused.default }, values });
      }
      if (error instanceof InvalidInputError || error instanceof NotFoundError) return this.lookupFailed(reply, language, proof.trackingNumber, error);
      throw error;
    }
  }

  private async renderStatus(
    reply: FastifyReply,
    statusCode: number,
    language: PortalLanguage,
    proof: Proof,
    extra: Partial<Pick<StatusPageModel, 'notice' | 'errors' | 'values'>> = {},
  ): Promise<void> {
    try {
      const status = await this.statusLookup.lookup(proof.trackingNumber, proof.accessCode, proof.client, language);
      sendPage(
        reply,
        statusCode,
        statusPage(language, { status, accessCode: proof.accessCode, errors: {}, values: {}, timeZone: this.env.CALENDAR_TIME_ZONE, ...extra }),
      );
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof NotFoundError) return this.lookupFailed(reply, language, proof.trackingNumber, error);
      throw error;
    }
  }

  /** A mistyped number says so; an unknown number and a wrong code get one and the same page. */
  private lookupFailed(reply: FastifyReply, language: PortalLanguage, trackingNumber: string, error: InvalidInputError | NotFoundError): void {
    if (error instanceof InvalidInputError) {
      sendPage(reply, 400, lookupPage(language, { trackingNumber, errors: localised(language, error.problems) }));
      return;
    }
    sendPage(reply, 404, lookupPage(language, { trackingNumber, errors: {}, notFound: true }));
  }
}

/** Field id → sentence; `catalogueField` names the field as the catalogues know it when the id is prefixed. */
function localised(language: PortalLanguage, problems: FieldProblem[], catalogueField: (field: string) => string = (f) => f): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) errors[problem.field] ??= fieldErrorMessage(language, catalogueField(problem.field), problem);
  return errors;
}
