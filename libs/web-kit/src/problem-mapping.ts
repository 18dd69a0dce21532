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
} from '@petitio/platform';
import { Problem, problem } from './problem';

export const RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN = 5;

/** Turns anything thrown into a Problem answer. The only place that knows HTTP status codes for domain errors. */
export function toProblem(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof InvalidInputError) {
    return { problem: problem(400, 'VALIDATION_FAILED', 'the request has invalid fields', error.problems), headers: {} };
  }
  if (error instanceof TooManyRequestsError) {
    return { problem: problem(429, error.code, error.message), headers: { 'retry-after': String(error.retryAfterSeconds) } };
  }
  if (error instanceof NotFoundError) return { problem: problem(404, error.code, error.message), headers: {} };
  if (error instanceof UnauthenticatedError) return { problem: problem(401, error.code, error.message), headers: {} };
  if (error instanceof ForbiddenError) return { problem: problem(403, error.code, error.message), headers: {} };
  if (error instanceof StaleVersionError) {
    return { problem: { ...problem(409, error.code, error.message), currentVersion: error.currentVersion }, headers: {} };
  }
  if (error instanceof IllegalTransitionError) return { problem: problem(409, error.code, error.message), headers: {} };
  if (error instanceof ConflictError) {
    const status = error.code === 'IDEMPOTENCY_KEY_REUSED' ? 422 : 409;
    return { problem: problem(status, error.code, error.message), headers: {} };
  }
  if (error instanceof DomainError) return { problem: problem(400, error.code, error.message), headers: {} };
  if (error instanceof UnavailableError || isDatabaseUnavailable(error)) {
    return {
      problem: problem(503, 'SERVICE_UNAVAILABLE', 'the service is briefly unavailable; please try again shortly'),
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN) },
    };
  }
  if (isTransientConflict(error)) {
    return {
      problem: problem(503, 'CONCURRENT_CHANGE', 'this collided with another change at the same moment and nothing was saved; please try again'),
      headers: { 'retry-after': '1' },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? error.message);
    return { problem: problem(status, httpCode(status), Array.isArray(message) ? message.join('; ') : message), headers: {} };
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError?.code?.startsWith('FST_') && fastifyError.statusCode && fastifyError.statusCode < 500) {
    return fromFastify(fastifyError.statusCode, fastifyError.code);
  }
  return { problem: problem(500, 'INTERNAL_ERROR', 'something went wrong on our side; the request was not saved'), headers: {} };
}

function fromFastify(status: number, code: string): { problem: Problem; headers: Record<string, string> } {
  if (status === 413) return { problem: problem(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large'), headers: {} };
  if (status === 415) return { problem: problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the request body as application/json'), headers: {} };
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { problem: problem(400, 'EMPTY_BODY', 'the request body is empty'), headers: {} };
  if (status === 400) return { problem: problem(400, 'MALFORMED_JSON', 'the request body is not valid JSON'), headers: {} };
  return { problem: problem(status, httpCode(status), 'the request could not be read'), headers: {} };
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
