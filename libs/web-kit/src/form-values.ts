import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { createValidationPipe } from './validation.pipe';

/** A urlencoded body or a query string: each field's first value as text; a field sent twice does not become a list. */
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

/** The application fields a web form sends as text (the portal's apply form, the console's call intake). */
export interface ApplicationFormFields {
  type: string;
  topic: string;
  subject: string;
  body: string;
  name: string;
  phone: string;
  email: string;
  provinceCode: string;
  districtCode: string;
}

/** The form as the JSON API's application body: empty fields left out, as a JSON client would send it. */
export function applicationBodyOf(v: ApplicationFormFields, language: string | undefined, confidential: boolean): Record<string, unknown> {
  const given = (o: Record<string, string>) => {
    const kept = Object.fromEntries(Object.entries(o).filter(([, value]) => value.trim() !== ''));
    return Object.keys(kept).length ? kept : undefined;
  };
  return Object.fromEntries(
    Object.entries({
      type: v.type || undefined,
      topic: v.topic || undefined,
      subject: v.subject || undefined,
      body: v.body,
      language: language || undefined,
      citizen: given({ name: v.name, phone: v.phone, email: v.email }),
      location: given({ provinceCode: v.provinceCode, districtCode: v.districtCode }),
      confidential,
    }).filter(([, value]) => value !== undefined),
  );
}
