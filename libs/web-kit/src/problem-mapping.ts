import { HttpException } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  StaleVersionError,
  UnauthenticatedError,
  DomainError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnavailableError,
  isDatabaseUnavailable,
  isTransientConflict,
  ProblemWords,
} from '@petitio/platform';
import { SOURCE_LANGUAGE } from '@petitio/i18n';
import { Problem, problem } from './problem';
import { fieldSentence, problemSentence } from './problem-sentences';

export const RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN = 5;

type Answer = { problem: Problem; headers: Record<string, string> };

/**
 * Turns anything thrown into a Problem answer, its sentences from the `api` catalog in `language`. The only
 * place that knows HTTP status codes for domain errors.
 */
export function toProblem(error: unknown, language: string = SOURCE_LANGUAGE): Answer {
  const answer = (status: number, code: string, headers: Record<string, string> = {}, words: ProblemWords = {}): Answer => ({
    problem: problem(status, code, problemSentence(language, code, words.sentence, words.args)),
    headers,
  });
  if (error instanceof InvalidInputError) {
    const errors = error.problems.map((p) => ({ field: p.field, code: p.code, message: fieldSentence(language, p) }));
    return { problem: problem(400, 'VALIDATION_FAILED', problemSentence(language, 'VALIDATION_FAILED'), errors), headers: {} };
  }
  if (error instanceof TooManyRequestsError) return answer(429, error.code, { 'retry-after': String(error.retryAfterSeconds) }, error);
  if (error instanceof NotFoundError) return answer(404, error.code, {}, error);
  if (error instanceof UnauthenticatedError) return answer(401, error.code, {}, error);
  if (error instanceof ForbiddenError) return answer(403, error.code, {}, error);
  if (error instanceof StaleVersionError) {
    const { problem, headers } = answer(409, error.code, {}, error);
    return { problem: { ...problem, currentVersion: error.currentVersion }, headers };
  }
  if (error instanceof IllegalTransitionError) return answer(409, error.code, {}, error);
  if (error instanceof ConflictError) return answer(error.code === 'IDEMPOTENCY_KEY_REUSED' ? 422 : 409, error.code, {}, error);
  if (error instanceof DomainError) return answer(400, error.code, {}, error);
  if (error instanceof UnavailableError || isDatabaseUnavailable(error)) {
    return answer(503, 'SERVICE_UNAVAILABLE', { 'retry-after': String(RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN) });
  }
  if (isTransientConflict(error)) return answer(503, 'CONCURRENT_CHANGE', { 'retry-after': '1' });
  if (isMalformedJson(error)) return answer(400, 'MALFORMED_JSON');
  if (error instanceof HttpException) return answer(error.getStatus(), httpCode(error.getStatus()));
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError?.code?.startsWith('FST_') && fastifyError.statusCode && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    return answer(status, fastifyCode(status, fastifyError.code));
  }
  return answer(500, 'INTERNAL_ERROR');
}

/**
 * A request body that is not JSON, as the JSON parser reports it: its SyntaxError (with the 400 fastify gives it),
 * or a 400 wrapping one. The parser's own text is never the answer; it may quote the body.
 */
function isMalformedJson(error: unknown): boolean {
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: number } | undefined)?.statusCode;
  if (status !== 400) return false;
  return error instanceof SyntaxError || (error as { cause?: unknown }).cause instanceof SyntaxError || /\bJSON\b/.test((error as Error).message ?? '');
}

function fastifyCode(status: number, code: string): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'EMPTY_BODY';
  if (status === 400) return 'MALFORMED_JSON';
  return httpCode(status);
}

function httpCode(status: number): string {
  return (
    {
      400: 'BAD_REQUEST',
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      405: 'METHOD_NOT_ALLOWED',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
      429: 'TOO_MANY_REQUESTS',
    }[status] ?? 'HTTP_ERROR'
  );
}
