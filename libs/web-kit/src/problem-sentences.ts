import { catalogs, MessageValues } from '@petitio/i18n';
import type { FieldProblem, ProblemArguments } from '@petitio/platform';

type Sentence = string | ((values: MessageValues) => string) | undefined;

/**
 * The sentence of an error in `language`, from `api.json`'s `problems`: its own sentence, else its code's.
 * A sentence whose arguments were not all given falls back to the code's, then to the generic one, so a
 * mistake in a rarely raised error still answers with its code instead of failing the request.
 */
export function problemSentence(language: string, code: string, sentence: string = code, args: ProblemArguments = {}): string {
  const problems = catalogs.texts('api', language).problems as unknown as Record<string, Sentence>;
  return said(problems[sentence], args) ?? said(problems[code], args) ?? said(problems.HTTP_ERROR, args)!;
}

/** The sentence of one bad field in `language`, from `api.json`'s `fields`, the field's path filled in. */
export function fieldSentence(language: string, problem: FieldProblem): string {
  const fields = catalogs.texts('api', language).fields as unknown as Record<string, Sentence>;
  const values = { ...problem.args, field: problem.field };
  return said(fields[problem.sentence ?? problem.code], values) ?? said(fields[problem.code], values) ?? said(fields.invalid, values)!;
}

function said(sentence: Sentence, values: MessageValues): string | undefined {
  if (typeof sentence !== 'function') return sentence;
  try {
    return sentence(values);
  } catch {
    return undefined;
  }
}
