import { Logger } from '@nestjs/common';
import { toProblem } from '@petitio/web-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalLanguage, isPortalLanguage } from './i18n';
import { sendPage } from '@petitio/web-kit';
import { PortalErrorKind, errorPage } from './views/error.view';

/** The portal language a path starts with (`/ar/status` → ar), if it is a portal page at all. */
export function portalLanguageOf(url: string): PortalLanguage | undefined {
  const first = url.split(/[/?#]/)[1];
  return isPortalLanguage(first) ? first : undefined;
}

/**
 * What went wrong on a portal page, as a page in its language. The global problem filter sends here every
 * error on a path that starts with a portal language; any other path keeps the JSON API's problem answer.
 */
export function sendPortalError(error: unknown, language: PortalLanguage, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const { status, kind, headers } = classify(error);
  if (kind === 'server') {
    const e = error as Error;
    logger.error({ msg: 'page failed', reqId: request.id, err: { name: e?.name, message: e?.message, stack: e?.stack } });
  }
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  sendPage(reply, status, errorPage(language, kind));
}

/** The status the JSON API would answer (one mapping for both), and the page that says it to a citizen. */
function classify(error: unknown): { status: number; kind: PortalErrorKind; headers: Record<string, string> } {
  const { problem, headers } = toProblem(error);
  const status = problem.statusCode;
  const kind: PortalErrorKind = status === 404 ? 'notFound' : status === 413 ? 'tooLarge' : status === 429 ? 'tooMany' : status < 500 ? 'badRequest' : 'server';
  return { status, kind, headers };
}
