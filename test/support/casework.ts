import { Queue } from 'bullmq';
import request from 'supertest';
import { submitRouted, versionOf } from './applications';
import { waitFor } from './ports';
import { TestStack } from './stack';
import { TestStaff } from './staff';

export interface Case {
  id: string;
  trackingNumber: string;
  accessCode: string;
}

/** Submits through web intake and waits until the router placed it. */
export const submitCase: (stack: TestStack, overrides?: Record<string, unknown>) => Promise<Case> = submitRouted;

export { versionOf };

/** POST a casework action (`claim`, `notes`, `answers`…) on an application as a staff user. */
export function act(stack: TestStack, staff: TestStaff, id: string, action: string, body: Record<string, unknown>) {
  return request(stack.apiUrl).post(`/api/v1/staff/applications/${id}/${action}`).set('Authorization', `Bearer ${staff.token}`).send(body);
}

/** The same action with the version the user sees now: `await actNow(…).expect(200)`. */
export function actNow(stack: TestStack, staff: TestStaff, id: string, action: string, body: Record<string, unknown> = {}) {
  return {
    expect: async (status: number) => act(stack, staff, id, action, { version: await versionOf(stack, id), ...body }).expect(status),
  };
}

/** What the citizen sees on the public status page. */
export async function publicStatus(stack: TestStack, c: Case) {
  const res = await request(stack.apiUrl).get(`/api/v1/applications/${c.trackingNumber}/status`).set('X-Access-Code', c.accessCode).expect(200);
  return res.body;
}

export async function historyKinds(stack: TestStack, id: string): Promise<string[]> {
  const { rows } = await stack.db.query('SELECT kind FROM application_events WHERE application_id = $1 ORDER BY id', [id]);
  return rows.map((r: { kind: string }) => r.kind);
}

/** The stack's assignment queue, to see what the worker did with each routing event. */
export function assignmentQueue(stack: TestStack): Queue {
  const url = new URL(stack.env.REDIS_URL);
  return new Queue('assignment', { connection: { host: url.hostname, port: Number(url.port) }, prefix: stack.env.QUEUE_PREFIX });
}

/** Waits until the worker finished `count` assignment jobs for the application, and returns their results. */
export async function assignmentJobsDone(queue: Queue, applicationId: string, count = 1): Promise<unknown[]> {
  return waitFor(
    async () => {
      const jobs = (await queue.getJobs(['completed', 'failed'])).filter((job) => job?.data?.aggregateId === applicationId);
      return jobs.length >= count && jobs.map((job) => job.returnvalue ?? { failed: job.failedReason });
    },
    10000,
    `${count} assignment job(s) for ${applicationId}`,
  );
}
