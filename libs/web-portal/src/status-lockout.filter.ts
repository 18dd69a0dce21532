import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import { ENVIRONMENT, Environment, TooManyRequestsError, smsNumberToText } from '@petitio/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPortalLanguage, portalLanguages } from './i18n';
import { sendPage } from '@petitio/web-kit';
import { lookupLockedPage } from './views/error.view';

/**
 * Too many lookups from the status page: the same 429 as the API, and where SMS is set up, a way around it —
 * a STATUS text from the citizen's own phone is proved by that phone and counts none of these failures.
 */
@Catch(TooManyRequestsError)
export class StatusLockoutFilter implements ExceptionFilter {
  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {}

  catch(error: TooManyRequestsError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const lang = (http.getRequest<FastifyRequest>().params as { lang?: string }).lang;
    // Only a number a phone can text: never an alphanumeric sender ID or a Messaging Service's id.
    const smsNumber = (this.env.SMS_PROVIDER === 'twilio' && smsNumberToText(this.env)) || undefined;
    void reply.header('retry-after', String(error.retryAfterSeconds));
    sendPage(reply, 429, lookupLockedPage(lang && isPortalLanguage(lang) ? lang : portalLanguages()[0], smsNumber));
  }
}
