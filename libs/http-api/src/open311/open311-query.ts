import type { Open311Query, Open311Submission } from '@petitio/open311';
import { MAX_PAGE_SIZE } from '@petitio/open311';
import { FieldProblem, InvalidInputError } from '@petitio/platform';

/** W3C datetimes as the spec takes them, with a zone; a `+` decoded to a space by a lax client is forgiven. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Params = Record<string, string | string[] | undefined>;

/** A parameter's value as text: the first of a repeated one, '' and absent alike. */
export function first(params: Params, name: string): string | undefined {
  const value = params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : String(text);
}

/** A comma list ("a, b,c"), trimmed, empty items left out. */
function list(params: Params, name: string): string[] | undefined {
  const text = first(params, name);
  return text === undefined
    ? undefined
    : text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/** GET requests' filters, each checked: a bad one is a 400 naming it, never a silent default. */
export function open311Query(params: Params): Open311Query {
  const problems: FieldProblem[] = [];
  const date = (name: string): Date | undefined => {
    const text = first(params, name)?.replace(' ', '+');
    if (text === undefined) return undefined;
    if (!W3C_DATETIME.test(text) || Number.isNaN(Date.parse(text))) problems.push({ field: name, code: 'isIso8601' });
    return new Date(text);
  };
  const whole = (name: string, fallback: number, max: number): number => {
    const text = first(params, name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > max) problems.push({ field: name, code: 'whole_number_between', args: { min: 1, max } });
    return value;
  };
  const statuses = list(params, 'status');
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) problems.push({ field: 'status', code: 'isIn', args: { allowed: 'open, closed' } });
  const query: Open311Query = {
    ids: list(params, 'service_request_id'),
    serviceCodes: list(params, 'service_code'),
    start: date('start_date'),
    end: date('end_date'),
    statuses: statuses as Open311Query['statuses'],
    page: whole('page', 1, 1_000_000),
    pageSize: whole('page_size', MAX_PAGE_SIZE, MAX_PAGE_SIZE),
    extensions: first(params, 'extensions') === 'true',
  };
  if (query.start && query.end && query.start > query.end) problems.push({ field: 'end_date', code: 'after', args: { other: 'start_date' } });
  if (problems.length) throw new InvalidInputError(problems);
  return query;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/** A POST body (form-encoded) as the spec's fields, each `attribute[CODE]` (or `attribute[CODE][]`) by its code. */
export function open311Submission(body: Params): Open311Submission {
  const attributes: Record<string, string> = {};
  for (const key of Object.keys(body ?? {})) {
    const match = ATTRIBUTE.exec(key);
    const value = match ? first(body, key) : undefined;
    if (match && value !== undefined) attributes[match[1]] = value;
  }
  const fields = ['service_code', 'lat', 'long', 'address_string', 'email', 'first_name', 'last_name', 'phone', 'description'] as const;
  // FixMyStreet and other clients send one media_url per photo: every one is kept.
  const media = ([] as unknown[])
    .concat(body?.media_url ?? [], body?.['media_url[]'] ?? [])
    .map(String)
    .filter((url) => url.trim() !== '');
  return { ...Object.fromEntries(fields.map((name) => [name, first(body ?? {}, name)])), media_url: media, attributes };
}
