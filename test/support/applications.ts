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
export async function routedAgencyCode(db: Pool, trackingNumber: string, timeoutMs = 10000): Promise<string> {
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
