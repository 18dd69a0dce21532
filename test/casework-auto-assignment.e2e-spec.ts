import { Queue } from 'bullmq';
import request from 'supertest';
import { assignmentJobsDone, assignmentQueue, historyKinds, submitCase } from './support/casework';
import { withoutClockLines } from './support/deadlines';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

describe('casework: automatic assignment of routed applications', () => {
  let stack: TestStack;
  let queue: Queue;
  let supervisor: TestStaff;
  let centerAdmin: TestStaff;
  let otherSupervisor: TestStaff;
  /** The agency's officers in id order: round robin follows it. */
  let officers: TestStaff[];
  let agencyId: string;

  beforeAll(async () => {
    stack = await startStack();
    queue = assignmentQueue(stack);
    [supervisor, centerAdmin, otherSupervisor] = await Promise.all([
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor']),
      staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']),
      staffUser(stack.db, stack.apiUrl, 'ASKI', ['supervisor']),
    ]);
    agencyId = supervisor.agencyId;
    // The demo data has its own officer here: send them on leave so this suite counts its own officers only.
    const staff = await request(stack.apiUrl).get('/api/v1/staff/users').set('Authorization', `Bearer ${supervisor.token}`).expect(200);
    for (const user of staff.body) await duty(user.id, false);
    const created = await Promise.all([0, 1, 2].map(() => staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'])));
    officers = created.sort((a, b) => (a.id < b.id ? -1 : 1));
  });
  afterAll(async () => {
    await queue?.close();
    await stack?.stop();
  });

  async function duty(userId: string, onDuty: boolean): Promise<void> {
    await request(stack.apiUrl).put(`/api/v1/staff/users/${userId}/duty`).set('Authorization', `Bearer ${supervisor.token}`).send({ onDuty }).expect(204);
  }
  const setMode = (staff: TestStaff, mode: unknown, agency = agencyId) =>
    request(stack.apiUrl).put(`/api/v1/staff/agencies/${agency}/assignment`).set('Authorization', `Bearer ${staff.token}`).send({ mode });

  /** Submits an application and waits until the worker has dealt with its routing; returns who got it. */
  async function submitAndAssign(): Promise<{ id: string; officerId: string | null }> {
    const c = await submitCase(stack).catch(async () => {
      throw new Error(`not routed:\n${stack.logs()}`);
    });
    await assignmentJobsDone(queue, c.id);
    const { rows } = await stack.db.query('SELECT assigned_officer_id FROM applications WHERE id = $1', [c.id]);
    return { id: c.id, officerId: rows[0].assigned_officer_id };
  }

  it("lets only the agency's supervisors and center admins choose the mode", async () => {
    const officer = officers[0];
    await setMode(officer, 'round_robin').expect(403);
    await setMode(otherSupervisor, 'round_robin').expect(403);
    const bad = await setMode(supervisor, 'lottery').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'mode' })]);
    await setMode(centerAdmin, 'manual', '00000000-0000-4000-8000-000000000000').expect(404);

    const get = () => request(stack.apiUrl).get(`/api/v1/staff/agencies/${agencyId}/assignment`).set('Authorization', `Bearer ${officer.token}`);
    expect((await get().expect(200)).body).toEqual({ agencyId, mode: 'manual' });
    expect((await setMode(supervisor, 'least_loaded').expect(200)).body).toEqual({ agencyId, mode: 'least_loaded' });
    await setMode(centerAdmin, 'manual').expect(200);
    expect((await get().expect(200)).body.mode).toBe('manual');
  });

  it('leaves applications unassigned in manual mode', async () => {
    await setMode(supervisor, 'manual').expect(200);
    const { id, officerId } = await submitAndAssign();
    expect(officerId).toBeNull();
    expect(withoutClockLines(await historyKinds(stack, id))).toEqual(['received', 'routed']);
  });

  it('round robin: each application goes to the next on-duty officer in turn, skipping officers on leave', async () => {
    await setMode(supervisor, 'round_robin').expect(200);
    const [first, onLeave, third] = officers;
    await duty(onLeave.id, false);
    const got: (string | null)[] = [];
    for (let i = 0; i < 4; i++) got.push((await submitAndAssign()).officerId);
    expect(got).toEqual([first.id, third.id, first.id, third.id]);

    await duty(onLeave.id, true);
    const next = [(await submitAndAssign()).officerId, (await submitAndAssign()).officerId];
    expect(next).toEqual([first.id, onLeave.id]);
  });

  it('records the automatic assignment as the system, moving the application to assigned', async () => {
    const { id, officerId } = await submitAndAssign();
    const { rows } = await stack.db.query(
      `SELECT actor_type, actor_id, from_status, to_status, data FROM application_events WHERE application_id = $1 AND kind = 'assigned'`,
      [id],
    );
    expect(rows).toEqual([
      {
        actor_type: 'system',
        actor_id: null,
        from_status: 'routed',
        to_status: 'assigned',
        data: { fromOfficerId: null, toOfficerId: officerId, via: 'round_robin' },
      },
    ]);
  });

  it('least loaded: the on-duty officer with the fewest open applications, skipping officers on leave', async () => {
    await setMode(supervisor, 'least_loaded').expect(200);
    const open = async (officerId: string) => {
      const { rows } = await stack.db.query(
        `SELECT count(*)::int AS n FROM applications WHERE assigned_officer_id = $1 AND status IN ('assigned', 'in_progress', 'awaiting_citizen', 'reopened')`,
        [officerId],
      );
      return rows[0].n as number;
    };
    // A fresh officer has nothing open, but is on leave: the next application goes to a busy one instead.
    const fresh = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    await duty(fresh.id, false);
    const loads = await Promise.all(officers.map(async (o) => ({ id: o.id, open: await open(o.id) })));
    const least = [...loads].sort((a, b) => a.open - b.open || (a.id < b.id ? -1 : 1))[0];
    expect((await submitAndAssign()).officerId).toBe(least.id);

    await duty(fresh.id, true);
    expect((await submitAndAssign()).officerId).toBe(fresh.id);
    expect(await open(fresh.id)).toBe(1);
  });

  it('leaves the application waiting when nobody is on duty', async () => {
    await setMode(supervisor, 'round_robin').expect(200);
    const { rows } = await stack.db.query(`SELECT id FROM staff_users WHERE agency_id = $1 AND on_duty`, [agencyId]);
    for (const user of rows) await duty(user.id, false);
    const { id, officerId } = await submitAndAssign();
    expect(officerId).toBeNull();
    expect(withoutClockLines(await historyKinds(stack, id))).toEqual(['received', 'routed']);
    for (const o of officers) await duty(o.id, true);
  });

  it('assigns nothing twice when the routing event is delivered again', async () => {
    await setMode(supervisor, 'round_robin').expect(200);
    const { id, officerId } = await submitAndAssign();
    expect(officerId).not.toBeNull();
    // What a relay crash between publishing and deleting leaves behind: the same event once more.
    await stack.db.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ('application.routed', $1, $2)`, [id, JSON.stringify({ agencyId })]);
    const results = await assignmentJobsDone(queue, id, 2);
    expect(results).toContainEqual({ assigned: false, reason: 'not_routed' });
    const { rows } = await stack.db.query('SELECT assigned_officer_id, status FROM applications WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ assigned_officer_id: officerId, status: 'assigned' });
    expect((await historyKinds(stack, id)).filter((k) => k === 'assigned')).toHaveLength(1);
    await waitFor(async () => (await stack.db.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n === 0, 5000, 'the outbox to drain');
  });
});
