/**
 * Values for the ICU arguments of an error's sentence in `libs/i18n/catalogs/<language>/api.json` (a limit,
 * the allowed values, an id). The sentences themselves live only in the catalogs.
 */
export type ProblemArguments = Readonly<Record<string, string | number>>;

/** Which sentence of `api.json`'s `problems` says an error, and its arguments. */
export interface ProblemWords {
  /** The sentence's key when it is not the code's own (one code, several situations). */
  sentence?: string;
  args?: ProblemArguments;
}

/**
 * Errors the domain raises. They carry a stable code and never an HTTP status:
 * the api maps codes to responses in one filter, and takes their sentences from the catalogs.
 */
export class DomainError extends Error {
  readonly sentence: string;
  readonly args: ProblemArguments;

  constructor(
    readonly code: string,
    words: ProblemWords = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(traceText(code, words.args));
    this.name = new.target.name;
    this.sentence = words.sentence ?? code;
    this.args = words.args ?? {};
  }
}

/** One bad field: its path, a stable code, and, like `ProblemWords`, the `api.json` `fields` sentence that says it. */
export interface FieldProblem {
  field: string;
  code: string;
  sentence?: string;
  args?: ProblemArguments;
}

/** Input that breaks a rule of the domain, reported per field like DTO validation. */
export class InvalidInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('INVALID_INPUT');
    this.message = problems.map((p) => `${p.field}: ${traceText(p.code, p.args)}`).join('; ');
  }
}

export class NotFoundError extends DomainError {}

export class ConflictError extends DomainError {}

export class IllegalTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('ILLEGAL_TRANSITION', { args: { from, to } }, { from, to });
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    code = 'TOO_MANY_REQUESTS',
  ) {
    super(code, {}, { retryAfterSeconds });
  }
}

/** No valid session, or wrong credentials. Always the same words, so nothing is learnt from them. */
export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED') {
    super(code);
  }
}

/** Signed in, but this role may not do this; `sentence` says which rule refused, when more than the role. */
export class ForbiddenError extends DomainError {
  constructor(sentence?: string) {
    super('FORBIDDEN', { sentence });
  }
}

/** Someone else changed the record first: reload and try again. */
export class StaleVersionError extends DomainError {
  constructor(readonly currentVersion: number) {
    super('STALE_VERSION', {}, { currentVersion });
  }
}

/** The service cannot take this request now (overloaded, or a dependency out of reach); the same request later will do. */
export class UnavailableError extends Error {}

/** What logs and stack traces show: the code and its arguments, never a sentence for a person. */
function traceText(code: string, args: ProblemArguments = {}): string {
  return Object.keys(args).length ? `${code} ${JSON.stringify(args)}` : code;
}
