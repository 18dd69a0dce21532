import { submitRouted, versionOf } from './applications';
import { act } from './casework';
import { withCitizenContacts } from './identities';
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
export const fileRouted: (stack: TestStack, overrides?: Record<string, unknown>) => Promise<FiledApplication> = submitRouted;

export const currentVersion = versionOf;

/** POST /api/v1/staff/applications/:id/<action> as a staff user. */
export const staffAction = act;

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
    `SELECT channel, recipient, to_citizen, application_id, template, language, params FROM outgoing_messages
     WHERE application_id = $1 AND template = $2 ORDER BY created_at`,
    [id, template],
  );
  return (await withCitizenContacts(stack.db, rows)) as {
    channel: string;
    recipient: string | null;
    template: string;
    language: string;
    params: Record<string, unknown>;
  }[];
}
