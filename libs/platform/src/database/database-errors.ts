/**
 * Recognises errors that mean "PostgreSQL is not reachable right now" (as opposed to a bad query),
 * so that callers answer 503 with Retry-After instead of 500.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_MESSAGES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: string; message?: string; driverError?: unknown; errno?: string };
  if (e.code && UNAVAILABLE_SQLSTATES.has(e.code)) return true;
  if (e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' || e.code === 'ENOTFOUND') return true;
  const message = e.message ?? '';
  if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/**
 * A transaction PostgreSQL gave up on because it collided with another one (deadlock_detected, serialization_failure):
 * nothing was written, and the same request sent again will go through.
 */
export function isTransientConflict(error: unknown): boolean {
  const e = (error as { driverError?: { code?: string } })?.driverError ?? (error as { code?: string });
  return e?.code === '40P01' || e?.code === '40001';
}

/** PostgreSQL unique_violation, optionally on a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? (error as { code?: string; constraint?: string });
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
