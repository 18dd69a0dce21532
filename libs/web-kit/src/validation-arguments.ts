import { getMetadataStorage, ValidationError } from 'class-validator';
import type { FieldProblem, ProblemArguments } from '@petitio/platform';

/** How a check's own constraints fill its sentence's arguments: `@MaxLength(200)` says "at most {max}". */
const ARGUMENTS_OF: Record<string, (constraints: unknown[]) => ProblemArguments> = {
  maxLength: ([max]) => ({ max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  min: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  isIn: ([allowed]) => ({ allowed: (allowed as unknown[]).join(', ') }),
  after: ([other]) => ({ other: String(other) }),
  notBefore: ([start]) => ({ start: String(start) }),
};

/** What a DTO's decorator says through class-validator's `context` (see `says` in api-contracts). */
interface CheckWords {
  sentence?: string;
  args?: ProblemArguments;
}

/** The sentence of one failed check and its arguments: the decorator's `context`, else its constraints. */
export function checkWords(error: ValidationError, code: string): Pick<FieldProblem, 'sentence' | 'args'> {
  const words = (error.contexts?.[code] ?? {}) as CheckWords;
  const args = { ...constraintArguments(error, code), ...words.args };
  return { ...(words.sentence ? { sentence: words.sentence } : {}), ...(Object.keys(args).length ? { args } : {}) };
}

function constraintArguments(error: ValidationError, code: string): ProblemArguments {
  const read = ARGUMENTS_OF[code];
  const target = error.target;
  if (!read || !target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === code);
  return metadata ? read(metadata.constraints ?? []) : {};
}
