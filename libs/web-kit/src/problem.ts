/** One bad field of an error answer: its path, a stable code, and the sentence that says what is wrong. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The body of every error answer: a stable code, a sentence, and for bad input one entry per field. */
export interface Problem {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  errors?: FieldError[];
  requestId?: string;
  currentVersion?: number;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(statusCode: number, code: string, message: string, errors?: FieldError[]): Problem {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message, ...(errors ? { errors } : {}) };
}
