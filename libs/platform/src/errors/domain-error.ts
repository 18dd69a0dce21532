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
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', 'too many attempts; try again later', { retryAfterSeconds });
  }
}
