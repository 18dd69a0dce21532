import { HttpException, Logger } from '@nestjs/common';
import { NotFoundError, TooManyRequestsError } from '@petitio/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalLanguage, isPortalLanguage } from './i18n';
import { sendPage } from './portal-response';
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
  const kind = errorKind(error);
  if (kind === 'server') {
    const e = error as Error;
    logger.error({ msg: 'page failed', reqId: request.id, err: { name: e?.name, message: e?.message, stack: e?.stack } });
  }
  if (error instanceof TooManyRequestsError) void reply.header('retry-after', String(error.retryAfterSeconds));
  sendPage(reply, { notFound: 404, tooMany: 429, tooLarge: 413, server: 500 }[kind], errorPage(language, kind));
}

function errorKind(error: unknown): PortalErrorKind {
  if (error instanceof TooManyRequestsError) return 'tooMany';
  if (error instanceof NotFoundError) return 'notFound';
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: number })?.statusCode;
  if (status === 413) return 'tooLarge';
  if (status === 404) return 'notFound';
  if (status === 429) return 'tooMany';
  return 'server';
}
