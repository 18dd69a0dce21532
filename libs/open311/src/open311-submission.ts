import { APPLICATION_TYPES, ApplicationType } from '@petitio/catalogue';
import { catalogs } from '@petitio/i18n';
import type { NewApplication } from '@petitio/intake';
import { FieldProblem, InvalidInputError } from '@petitio/platform';
import { OPEN311_ATTRIBUTES } from './open311-services';

/** A POST requests body as the spec names its fields; `attributes` holds each `attribute[CODE]`. */
export interface Open311Submission {
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  /** Every media_url sent: one per photo. */
  media_url?: string[];
  attributes: Record<string, string>;
}

/** Photos one request may point to: FixMyStreet sends a few; more is no report of one place. */
export const MEDIA_MAX = 10;
/** The spec's limit on a description. */
export const DESCRIPTION_MAX = 4000;
const COORDINATE = /^-?\d{1,3}(\.\d+)?$/;

/**
 * The application an Open311 POST asks for, checked against the spec's rules: a place (a point, an address, or
 * one of our district codes), a description, known attribute values. An address and a photo's URL join the
 * text the agency reads, in the application's language: Petitio keeps no free-form place or remote media.
 */
export function applicationOf(form: Open311Submission, topicCode: string, language: string, clientId: string): NewApplication {
  const problems: FieldProblem[] = [];
  const a = form.attributes;
  const [lat, long] = [form.lat?.trim(), form.long?.trim()];
  const hasPoint = Boolean(lat && long);
  if ((lat || long) && !hasPoint) problems.push({ field: lat ? 'long' : 'lat', code: 'required' });
  const latitude = hasPoint ? coordinate(lat!, 90, 'lat', problems) : undefined;
  const longitude = hasPoint ? coordinate(long!, 180, 'long', problems) : undefined;
  const district = a[OPEN311_ATTRIBUTES.district]?.trim() || undefined;
  const address = form.address_string?.trim() || undefined;
  // address_id names a place in a city's address register, which Petitio does not have: it is no place here.
  if (!hasPoint && !address && !district) {
    problems.push({ field: 'lat', code: 'required_one_of', args: { allowed: `lat+long, address_string, attribute[${OPEN311_ATTRIBUTES.district}]` } });
  }
  const description = form.description?.trim() ?? '';
  if (!description) problems.push({ field: 'description', code: 'required' });
  else if (description.length > DESCRIPTION_MAX) problems.push({ field: 'description', code: 'maxLength', args: { max: DESCRIPTION_MAX } });
  const type = a[OPEN311_ATTRIBUTES.type]?.trim() || 'complaint';
  if (!(APPLICATION_TYPES as readonly string[]).includes(type)) {
    problems.push({ field: `attribute[${OPEN311_ATTRIBUTES.type}]`, code: 'isIn', args: { allowed: APPLICATION_TYPES.join(', ') } });
  }
  const confidential = a[OPEN311_ATTRIBUTES.confidential]?.trim() || 'false';
  if (confidential !== 'true' && confidential !== 'false') problems.push({ field: `attribute[${OPEN311_ATTRIBUTES.confidential}]`, code: 'boolean' });
  const media = (form.media_url ?? []).map((url) => url.trim());
  if (media.some((url) => !isHttpUrl(url))) problems.push({ field: 'media_url', code: 'isUrl' });
  if (media.length > MEDIA_MAX) problems.push({ field: 'media_url', code: 'arrayMaxSize', args: { max: MEDIA_MAX } });
  if (problems.length) throw new InvalidInputError(problems);

  const words = catalogs.texts('open311', language);
  const lines = [description, address ? words.placeLine({ place: address }) : '', ...media.map((url) => words.photoLine({ url }))].filter(Boolean);
  const name = [form.first_name, form.last_name]
    .map((n) => n?.trim())
    .filter(Boolean)
    .join(' ');
  return {
    type: type as ApplicationType,
    topicCode,
    subject: a[OPEN311_ATTRIBUTES.subject]?.trim() || null,
    body: lines.join('\n\n'),
    channel: 'api',
    language,
    citizen: { name: name || null, phone: form.phone?.trim() || null, email: form.email?.trim() || null },
    location: { districtCode: district ?? null, latitude: latitude ?? null, longitude: longitude ?? null },
    confidential: confidential === 'true',
    submittedBy: { type: 'system', id: clientId },
  };
}

function coordinate(text: string, limit: number, field: string, problems: FieldProblem[]): number | undefined {
  const value = Number(text);
  if (!COORDINATE.test(text) || !Number.isFinite(value) || Math.abs(value) > limit) {
    problems.push({ field, code: field === 'lat' ? 'isLatitude' : 'isLongitude' });
    return undefined;
  }
  return value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Intake names fields as the JSON API does; Open311 clients know the spec's names. */
export function open311Field(field: string): string {
  const names: Record<string, string> = {
    topic: 'service_code',
    body: 'description',
    subject: `attribute[${OPEN311_ATTRIBUTES.subject}]`,
    type: `attribute[${OPEN311_ATTRIBUTES.type}]`,
    'location.districtCode': `attribute[${OPEN311_ATTRIBUTES.district}]`,
    'location.provinceCode': `attribute[${OPEN311_ATTRIBUTES.district}]`,
    'location.latitude': 'lat',
    'location.longitude': 'long',
    'citizen.phone': 'phone',
    'citizen.email': 'email',
    'citizen.name': 'first_name',
  };
  return names[field] ?? field;
}
