import request from 'supertest';
import { digits, routedAgencyCode, submitRouted as submitAndRoute } from './applications';
import { TestStack } from './stack';

export interface Submitted {
  id: string;
  trackingNumber: string;
  agency: string;
}

/** Submits through web intake, waits until routed, and returns the application's id and agency code. */
export const submitRouted: (stack: TestStack, overrides?: Record<string, unknown>) => Promise<Submitted> = submitAndRoute;

/** Waits until the application is routed and returns its id and agency code. */
export async function routed(stack: TestStack, trackingNumber: string): Promise<Submitted> {
  const agency = await routedAgencyCode(stack.db, trackingNumber);
  const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(trackingNumber)]);
  return { id: rows[0].id, trackingNumber, agency };
}

/** GET on a staff route with a bearer token. */
export function staffGet(stack: TestStack, token: string, path: string, query: Record<string, string | string[]> = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of ([] as string[]).concat(value)) search.append(key, v);
  const qs = search.toString();
  return request(stack.apiUrl)
    .get(qs ? `${path}?${qs}` : path)
    .set('Authorization', `Bearer ${token}`);
}

/** The ids of one inbox page, in order. */
export async function inboxIds(stack: TestStack, token: string, query: Record<string, string | string[]> = {}): Promise<string[]> {
  const res = await staffGet(stack, token, '/api/v1/staff/applications', { limit: '100', ...query }).expect(200);
  return res.body.items.map((item: { id: string }) => item.id);
}
