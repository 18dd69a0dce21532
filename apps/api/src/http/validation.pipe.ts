import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from '@petitio/platform';

/**
 * DTO validation that reports every bad field by its path (`citizen.phone`), refuses
 * unknown fields, and never converts types behind the caller's back.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(flatten(errors)),
  });
}

export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      problems.push({
        field,
        code: code === 'whitelistValidation' ? 'unknown_field' : code,
        message: code === 'whitelistValidation' ? `${field} is not a field of this request` : message,
      });
    }
    if (error.children?.length) problems.push(...flatten(error.children, field));
  }
  return problems;
}
