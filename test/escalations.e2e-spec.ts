import request from 'supertest';
import { Case, actNow, publicStatus, submitCase } from './support/casework';
import {
  ALWAYS_OPEN,
  PERIOD_MS,
  RE_ESCALATION_MS,
  answerClock,
  clockStarted,
  escalations,
  historyOf,
  lateness,
  messagesOf,
  stepsFired,
  useShortPolicy,
} from './support/escalations';
import { freePort } from './support/ports';
import { PrivateRedis } from './support/private-redis';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

describe('escalation timers: warnings, breach and re-escalation on real BullMQ delays', () => {
  let redis: PrivateRedis;
  let stack: TestStack;
  let officer: TestStaff;
  let supervisor: TestStaff;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    // A generous grace: here the timers must do the work, and a step the sweeper took would show as late.
    stack = await startStack({ redisUrl: redis.url, workers: 2, env: { ...ALWAYS_OPEN, ESCALATION_SWEEP_GRACE_MS: '3000' } });
    await useShortPolicy(stack);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor']);
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.dispose();
  });

  it('warns the officer, alerts the supervisors at the breach and the parent agency and center after it, each within 2 s and once', async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const clock = await clockStarted(stack, c.id);
    const start = clock.started_at.getTime();
    const rows = await stepsFired(stack, clock.id, 4);

    expect(rows.map((r) => [r.step, r.step_kind, r.level, r.share === null ? null : Number(r.share), r.fired_by])).toEqual([
      [0, 'warning', 1, 0.5, 'timer'],
      [1, 'warning', 1, 0.75, 'timer'],
      [2, 'breach', 2, 1, 'timer'],
      [3, 're_escalation', 3, null, 'timer'],
    ]);
    expect(rows.map((r) => r.due_at.getTime() - start)).toEqual([0.5 * PERIOD_MS, 0.75 * PERIOD_MS, PERIOD_MS, PERIOD_MS + RE_ESCALATION_MS]);
    for (const row of rows) {
      expect(lateness(row)).toBeGreaterThanOrEqual(0);
      expect(lateness(row)).toBeLessThan(2000);
    }

    // Each step is one history line; only the breach is public (its policy keeps the public late flag).
    const history = await historyOf(stack, c.id, ['deadline_warning', 'deadline_breached', 'deadline_escalated']);
    expect(history.map((h: { kind: string; data: { level: number; public: boolean } }) => [h.kind, h.data.level, h.data.public])).toEqual([
      ['deadline_warning', 1, false],
      ['deadline_warning', 1, false],
      ['deadline_breached', 2, true],
      ['deadline_escalated', 3, false],
    ]);

    // Warnings to the officer who has it, the breach to the agency's supervisors, then the parent agency's.
    const alerts = await messagesOf(stack, c.id, 'deadline_escalation');
    const parentSupervisors = (
      await stack.db.query(
        `SELECT u.email FROM staff_users u JOIN agencies g ON g.id = u.agency_id WHERE g.code = 'ISKI' AND 'supervisor' = ANY(u.roles) AND u.status = 'active' ORDER BY u.email`,
      )
    ).rows.map((r: { email: string }) => r.email);
    expect(parentSupervisors.length).toBeGreaterThan(0);
    expect(alerts.map((m) => [m.params.stepKind, m.recipient])).toEqual([
      ['warning', officer.email],
      ['warning', officer.email],
      ['breach', supervisor.email],
      ...parentSupervisors.map((email: string) => ['re_escalation', email]),
    ]);
    expect(alerts[0].params).toEqual({
      trackingNumber: c.trackingNumber,
      applicationId: c.id,
      clockKind: 'answer',
      stepKind: 'warning',
      level: 1,
      share: 0.5,
      deadline: clock.deadline_at.toISOString(),
    });

    const after = await answerClock(stack, c.id);
    expect(after).toMatchObject({ escalation_level: 3, next_escalation_at: null });
    expect(after.breached_at!.getTime()).toBe(rows[2].fired_at.getTime());
    expect(after.center_escalated_at!.getTime()).toBe(rows[3].fired_at.getTime());

    // The citizen is told once that the legal deadline passed, and the status page says it is late.
    expect(await messagesOf(stack, c.id, 'deadline_breached')).toHaveLength(1);
    const status = await publicStatus(stack, c);
    expect(status.deadline).toMatchObject({ late: true });
    expect(status.history.filter((h: { event: string }) => h.event === 'deadline_breached')).toHaveLength(1);
  }, 60_000);

  it('moves the timers with a pause and a resume, and a timer set for the old deadline does nothing', async () => {
    const c: Case = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const first = await clockStarted(stack, c.id);
    const originalWarning = first.started_at.getTime() + 0.5 * PERIOD_MS;
    await actNow(stack, officer, c.id, 'information-requests', { question: 'Which building?' }).expect(201);
    const paused = await answerClock(stack, c.id);
    expect(paused.paused_at).not.toBeNull();
    expect(paused.next_escalation_at).toBeNull();

    // Past the first warning's original time and its grace: nothing fired while the clock was stopped.
    await new Promise((resolve) => setTimeout(resolve, originalWarning + 2500 - Date.now()));
    expect(await escalations(stack, first.id)).toEqual([]);

    await request(stack.apiUrl).post(`/api/v1/applications/${c.trackingNumber}/replies`).send({ accessCode: c.accessCode, text: 'Number 12.' }).expect(201);
    const resumed = await answerClock(stack, c.id);
    expect(resumed.deadline_version).toBe(first.deadline_version + 2);
    expect(resumed.deadline_at.getTime()).toBeGreaterThan(first.deadline_at.getTime());
    const rows = await stepsFired(stack, first.id, 3);
    // Due against the resumed deadline, each a share of the 9 s before it, and on time.
    expect(rows.slice(0, 3).map((r) => [r.step_kind, r.due_at.getTime()])).toEqual([
      ['warning', resumed.deadline_at.getTime() - 0.5 * PERIOD_MS],
      ['warning', resumed.deadline_at.getTime() - 0.25 * PERIOD_MS],
      ['breach', resumed.deadline_at.getTime()],
    ]);
    for (const row of rows) expect(lateness(row)).toBeLessThan(2000);
    expect(rows.every((r) => r.fired_by === 'timer')).toBe(true);
  }, 60_000);

  it('stops escalating once the application is answered', async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const clock = await clockStarted(stack, c.id);
    await stepsFired(stack, clock.id, 1);
    await actNow(stack, officer, c.id, 'answers', { text: 'Repaired this morning.' }).expect(201);
    // Well past the breach and the re-escalation: only the first warning ever fired.
    await new Promise((resolve) => setTimeout(resolve, clock.started_at.getTime() + PERIOD_MS + RE_ESCALATION_MS + 3500 - Date.now()));
    expect((await escalations(stack, clock.id)).map((r) => r.step_kind)).toEqual(['warning']);
    expect(await answerClock(stack, c.id)).toMatchObject({ next_escalation_at: null, breached_at: null });
  }, 60_000);
});
