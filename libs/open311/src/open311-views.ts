/**
 * The documents of Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), with the spec's field names. They
 * carry nothing personal: no name, contact, text or place finer than a district.
 */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** Always true: every service has a definition (the kind of application, the district, confidentiality). */
  metadata: boolean;
  /** `realtime`: a POST answers with the service_request_id at once, so no token is ever handed out. */
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  /** Never the citizen's text: it is theirs and the agency's, and often names people. */
  description: null;
  agency_responsible: string | null;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  /** When the law says the answer is due, while the answer clock runs. */
  expected_datetime: string | null;
  /** The district and province, never the street or the point: where a citizen lives is theirs. */
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: null;
  long: null;
  media_url: null;
  /** With `extensions=true` (the Chicago extension): the finer status, in mySociety's words and Petitio's own. */
  extended_attributes?: { status: string; petitio_status: string };
}

export interface Open311Receipt {
  service_request_id: string;
  service_notice: string | null;
  account_id: null;
}

/** Open311 datetimes: ISO 8601 to the second with its zone, as strict clients parse them (no milliseconds). */
export function open311Datetime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
