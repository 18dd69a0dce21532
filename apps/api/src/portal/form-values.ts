import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { createValidationPipe } from '../http/validation.pipe';

/** A urlencoded body: each field's first value as text; a field sent twice does not become a list. */
export type FormBody = Record<string, string | string[] | undefined>;

export function formText(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

const validation = createValidationPipe();

/** The JSON API's DTO validation, applied to what a form sent: the same rules, the same error codes. */
export async function validateAs<T>(metatype: new () => T, value: object): Promise<{ dto: T; problems: FieldProblem[] }> {
  try {
    return { dto: (await validation.transform(value, { type: 'body', metatype })) as T, problems: [] };
  } catch (error) {
    if (error instanceof InvalidInputError) return { dto: undefined as T, problems: error.problems };
    throw error;
  }
}
