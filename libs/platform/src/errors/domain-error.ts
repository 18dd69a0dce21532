/**
 * Errors the domain raises. They carry a stable code and never an HTTP status:
 * the api maps codes to responses in one filter.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** Input that breaks a rule of the domain, reported per field like DTO validation. */
export class InvalidInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('INVALID_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

export class NotFoundError extends DomainError {}

export class ConflictError extends DomainError {}

export class IllegalTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('ILLEGAL_TRANSITION', `an application cannot go from ${from} to ${to}`, { from, to });
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    code = 'TOO_MANY_REQUESTS',
    message = 'too many attempts; try again later',
  ) {
    super(code, message, { retryAfterSeconds });
  }
}

/** No valid session, or wrong credentials. Always the same words, so nothing is learnt from them. */
export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED', message = 'sign in to continue') {
    super(code, message);
  }
}

/** Signed in, but this role may not do this. */
export class ForbiddenError extends DomainError {
  constructor(message = 'your role does not allow this') {
    super('FORBIDDEN', message);
  }
}

/** Someone else changed the record first: reload and try again. */
export class StaleVersionError extends DomainError {
  constructor(readonly currentVersion: number) {
    super('STALE_VERSION', 'this application was changed by someone else; reload it and try again', { currentVersion });
  }
}

/** The service cannot take this request now (overloaded, or a dependency out of reach); the same request later will do. */
export class UnavailableError extends Error {}
