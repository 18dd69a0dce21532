import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemLanguage, toProblem } from '@petitio/web-kit';
import { CONTENT_TYPES, Open311Format, renderOpen311 } from './open311-format';

/** The format a failed Open311 call asked for, from its path; XML, the spec's required format, otherwise. */
function formatOf(url: string): Open311Format {
  return /\.json(\?|$)/.test(url) ? 'json' : 'xml';
}

/**
 * Errors as the spec writes them: `<errors><error><code>…</code><description>…</description></error></errors>`,
 * or a JSON list of the same, with the HTTP status as each code (400 bad input, 403 a missing or revoked key, 404
 * nothing there, 429 too many). One error per bad field. Never the JSON API's problem shape on these paths.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const accepted = request.headers['accept-language'];
    const language = problemLanguage(typeof accepted === 'string' ? accepted : undefined);
    const { problem, headers } = toProblem(error, language);
    if (problem.statusCode >= 500) {
      const e = error as Error;
      this.logger.error({ msg: 'Open311 request failed', reqId: request.id, err: { name: e?.name, message: e?.message, stack: e?.stack } });
    }
    const errors = problem.errors?.length
      ? problem.errors.map((e) => ({ code: problem.statusCode, description: `${e.field}: ${e.message}` }))
      : [{ code: problem.statusCode, description: problem.message }];
    const format = formatOf(request.url);
    void reply
      .status(problem.statusCode)
      .headers({ ...headers, 'content-type': CONTENT_TYPES[format], 'content-language': language })
      .send(renderOpen311(format, 'errors', errors));
  }
}
