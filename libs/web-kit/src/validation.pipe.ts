import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { checkWords } from './validation-arguments';

/**
 * DTO validation that reports every bad field by its path (`citizen.phone`), refuses
 * unknown fields, and never converts types behind the caller's back.
 */
export function createValidationPipe(): ValidationPipe {
  return new TextSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target lets a problem name its check's limits (at most 200 characters); the answer never carries it.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new InvalidInputError(flatten(errors)),
  });
}

export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const code of Object.keys(error.constraints ?? {})) {
      problems.push(code === 'whitelistValidation' ? { field, code: 'unknown_field' } : { field, code, ...checkWords(error, code) });
    }
    if (error.children?.length) problems.push(...flatten(error.children, field));
  }
  return problems;
}

/** NUL and the other C0 controls except tab and line breaks: PostgreSQL refuses NUL in text, and none belongs in what people type. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses control characters in paths, queries and every body a DTO validates, by field. Provider webhook bodies
 * (plain interfaces, not validated) are left alone: a stray byte in a citizen's SMS must not bounce the message.
 */
class TextSafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checked = metadata.type !== 'body' || (metadata.metatype !== undefined && this.toValidate(metadata));
    const problems = checked ? controlCharacterProblems(value, metadata.type === 'param' && typeof value === 'string' ? (metadata.data ?? 'path') : '') : [];
    if (problems.length) throw new InvalidInputError(problems);
    return super.transform(value, metadata);
  }
}

function controlCharacterProblems(value: unknown, field: string): FieldProblem[] {
  if (typeof value === 'string') {
    return CONTROL_CHARACTER.test(value) ? [{ field: field || 'body', code: 'control_character' }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => controlCharacterProblems(inner, field ? `${field}.${key}` : key));
}
