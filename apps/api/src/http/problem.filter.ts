import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalLanguageOf, sendPortalError } from '@petitio/web-portal';
import { problemLanguage, toProblem } from '@petitio/web-kit';

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const health = failedHealthCheck(error);
    if (health) {
      void reply.status(503).send(health);
      return;
    }
    // Errors before a portal handler runs (unknown page, body too large) still answer as a page.
    const language = portalLanguageOf(request.url);
    if (language) sendPortalError(error, language, request, reply, this.logger);
    else sendProblem(error, request, reply, this.logger);
  }
}

/** A failed @nestjs/terminus check: its body says which dependency is down, so it is the answer as is. */
function failedHealthCheck(error: unknown): object | undefined {
  if (!(error instanceof HttpException) || error.getStatus() !== 503) return undefined;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'status' in body && 'details' in body ? body : undefined;
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const accepted = request.headers['accept-language'];
  const language = problemLanguage(typeof accepted === 'string' ? accepted : undefined);
  const { problem: body, headers } = toProblem(error, language);
  if (body.statusCode >= 500) {
    const e = error as Error;
    logger.error({ msg: 'request failed', reqId: request.id, err: { name: e?.name, message: e?.message, stack: e?.stack } });
  }
  body.requestId = String(request.id);
  void reply
    .status(body.statusCode)
    .headers({ ...headers, 'content-language': language })
    .send(body);
}
