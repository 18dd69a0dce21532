import request from 'supertest';
import type { TestStack } from './stack';
import { Pool } from 'pg';
import { waitFor } from './ports';

export const validApplication = (overrides: Record<string, unknown> = {}) => ({
  type: 'complaint',
  topic: 'water',
  subject: 'No water in our street',
  body: 'Since Monday there has been no running water on Moda Caddesi.',
  language: 'en',
  location: { provinceCode: 'TR-34', districtCode: 'TR-34-KDK' },
  citizen: { name: 'Ayşe Yılmaz', phone: '0532 123 45 67' },
  ...overrides,
});

export function digits(trackingNumber: string): string {
  return trackingNumber.replace(/-/g, '');
}

export async function countApplications(db: Pool): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM applications');
  return rows[0].n;
}

/** Waits until the application is routed and returns the agency code it went to. */
export async function routedAgencyCode(db: Pool, trackingNumber: string, timeoutMs = 30000): Promise<string> {
  return waitFor(
    async () => {
      const { rows } = await db.query(
        `SELECT g.code FROM applications a JOIN agencies g ON g.id = a.assigned_agency_id
         WHERE a.tracking_number = $1 AND a.status = 'routed'`,
        [digits(trackingNumber)],
      );
      return rows[0]?.code as string | undefined;
    },
    timeoutMs,
    `application ${trackingNumber} to be routed`,
  );
}

export interface RoutedApplication {
  id: string;
  trackingNumber: string;
  accessCode: string;
  /** Code of the agency the router chose. */
  agency: string;
}

/** Submits through web intake and waits until the router placed it (a water complaint from Kadıköy goes to ISKI-KDK). */
export async function submitRouted(stack: TestStack, overrides: Record<string, unknown> = {}): Promise<RoutedApplication> {
  const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication(overrides)).expect(201);
  const agency = await routedAgencyCode(stack.db, res.body.trackingNumber);
  const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(res.body.trackingNumber)]);
  return { id: rows[0].id, trackingNumber: res.body.trackingNumber, accessCode: res.body.accessCode, agency };
}

/** The version a user would see on the application now. */
export async function versionOf(stack: TestStack, id: string): Promise<number> {
  const { rows } = await stack.db.query('SELECT version FROM applications WHERE id = $1', [id]);
  return rows[0].version;
}
