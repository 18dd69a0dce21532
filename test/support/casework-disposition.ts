import request from 'supertest';
import { digits, routedAgencyCode, validApplication } from './applications';
import { TestStack } from './stack';
import { TestStaff } from './staff';

export interface FiledApplication {
  id: string;
  trackingNumber: string;
  accessCode: string;
}

export interface HistoryRow {
  kind: string;
  from_status: string | null;
  to_status: string | null;
  from_agency_id: string | null;
  to_agency_id: string | null;
  actor_type: string;
  actor_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/** Submits through web intake and waits until the router has placed it (a water complaint from Kadıköy goes to ISKI-KDK). */
export async function fileRouted(stack: TestStack, overrides: Record<string, unknown> = {}): Promise<FiledApplication> {
  const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication(overrides)).expect(201);
  await routedAgencyCode(stack.db, res.body.trackingNumber);
  const { rows } = await stack.db.query('SELECT id FROM applications WHERE tracking_number = $1', [digits(res.body.trackingNumber)]);
  return { id: rows[0].id, trackingNumber: res.body.trackingNumber, accessCode: res.body.accessCode };
}

export async function currentVersion(stack: TestStack, id: string): Promise<number> {
  const { rows } = await stack.db.query('SELECT version FROM applications WHERE id = $1', [id]);
  return rows[0].version;
}

/** POST /api/v1/staff/applications/:id/<action> as a staff user. */
export function staffAction(stack: TestStack, staff: TestStaff, id: string, action: string, body: Record<string, unknown>) {
  return request(stack.apiUrl).post(`/api/v1/staff/applications/${id}/${action}`).set('Authorization', `Bearer ${staff.token}`).send(body);
}

/** Takes the application and answers it through the casework routes, as an officer of its agency would. */
export async function claimAndAnswer(stack: TestStack, officer: TestStaff, id: string, text: string): Promise<void> {
  await staffAction(stack, officer, id, 'claim', { version: await currentVersion(stack, id) }).expect(200);
  await staffAction(stack, officer, id, 'answers', { version: await currentVersion(stack, id), text }).expect(201);
}

export async function historyOf(stack: TestStack, id: string): Promise<HistoryRow[]> {
  const { rows } = await stack.db.query(
    `SELECT kind, from_status, to_status, from_agency_id, to_agency_id, actor_type, actor_id, data, occurred_at
     FROM application_events WHERE application_id = $1 ORDER BY id`,
    [id],
  );
  return rows;
}

/** The messages queued for the citizen of an application with this template, oldest first. */
export async function outgoingTo(stack: TestStack, id: string, template: string) {
  const { rows } = await stack.db.query(
    `SELECT channel, recipient, template, language, params FROM outgoing_messages
     WHERE application_id = $1 AND template = $2 ORDER BY created_at`,
    [id, template],
  );
  return rows as { channel: string; recipient: string | null; template: string; language: string; params: Record<string, unknown> }[];
}
