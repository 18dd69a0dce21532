import IORedis from 'ioredis';
import { submitCase } from './support/casework';
import { ALWAYS_OPEN, answerClock, clockStarted, escalations, historyOf, messagesOf, stepsFired, useShortPolicy } from './support/escalations';
import { freePort, waitFor } from './support/ports';
import { PrivateRedis } from './support/private-redis';
import { TestStack, startStack } from './support/stack';

describe('escalation sweeper: the safety net when Redis loses the timers', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    stack = await startStack({ redisUrl: redis.url, workers: 2, env: { ...ALWAYS_OPEN, ESCALATION_SWEEP_GRACE_MS: '3000' } });
    await useShortPolicy(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.dispose();
  });

  it('escalates each overdue application exactly once after Redis is flushed mid-flight, through the sweeper', async () => {
    const cases = await Promise.all([0, 1, 2].map(() => submitCase(stack)));
    const clocks = await Promise.all(cases.map((c) => clockStarted(stack, c.id)));
    await waitFor(
      async () =>
        (await stack.db.query(`SELECT 1 FROM outbox_events WHERE topic = 'sla.escalation_due' AND aggregate_id = ANY($1)`, [clocks.map((k) => k.id)]))
          .rowCount === 0,
      5000,
      'the timers to reach Redis',
    );
    // Every timer set so far is lost, as with a Redis that restarts empty.
    const client = new IORedis(redis.url);
    await client.flushall();
    await client.quit();

    for (const clock of clocks) {
      const rows = await stepsFired(stack, clock.id, 3, 40_000);
      const firstFired = rows[0];
      // The 50% warning's timer was lost; the sweeper came after its grace and fired the highest step then due.
      expect(firstFired.fired_by).toBe('sweeper');
      expect(rows.filter((r) => r.step_kind === 'breach')).toHaveLength(1);
    }
    // Settled: one history line per step fired and one breach notice per citizen, however the steps were fired.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    for (const [i, clock] of clocks.entries()) {
      const rows = await escalations(stack, clock.id);
      expect(rows.map((r) => r.step_kind)).toContain('re_escalation');
      const history = await historyOf(stack, cases[i].id, ['deadline_warning', 'deadline_breached', 'deadline_escalated']);
      expect(history).toHaveLength(rows.length);
      expect(await messagesOf(stack, cases[i].id, 'deadline_breached')).toHaveLength(1);
    }
  }, 90_000);

  it('plans again a clock whose next step was left due but is not, as the migration leaves clocks open before it', async () => {
    // A petition: 30 calendar days, so nothing is really due for weeks.
    const c = await submitCase(stack, { type: 'petition' });
    const clock = await clockStarted(stack, c.id);
    const planned = clock.next_escalation_at!;
    await stack.db.query(`UPDATE sla_clocks SET next_escalation_step = 0, next_escalation_at = now() - interval '5 seconds' WHERE id = $1`, [clock.id]);
    const replanned = await waitFor(
      async () => {
        const now = await answerClock(stack, c.id);
        return now.next_escalation_at!.getTime() > Date.now() && now;
      },
      15_000,
      'the sweeper to plan the clock again',
    );
    expect(replanned.next_escalation_at!.toISOString()).toBe(planned.toISOString());
    expect(await escalations(stack, clock.id)).toEqual([]);
  });
});

describe('escalation sweepers racing the timers', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    // No grace: both workers' sweepers go for every step the moment it is due, as its timer does.
    stack = await startStack({ redisUrl: redis.url, workers: 2, env: { ...ALWAYS_OPEN, ESCALATION_SWEEP_INTERVAL_MS: '100', ESCALATION_SWEEP_GRACE_MS: '0' } });
    await useShortPolicy(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.dispose();
  });

  it('records each step once, with one history line and one set of alerts, whoever fires it', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => submitCase(stack)));
    const clocks = await Promise.all(cases.map((c) => clockStarted(stack, c.id)));
    const all = await Promise.all(clocks.map((clock) => stepsFired(stack, clock.id, 4)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const [i, clock] of clocks.entries()) {
      const rows = await escalations(stack, clock.id);
      expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3]);
      expect(rows).toEqual(all[i]);
      const history = await historyOf(stack, cases[i].id, ['deadline_warning', 'deadline_breached', 'deadline_escalated']);
      expect(history.map((h: { kind: string }) => h.kind)).toEqual(['deadline_warning', 'deadline_warning', 'deadline_breached', 'deadline_escalated']);
      const alerts = await messagesOf(stack, cases[i].id, 'deadline_escalation');
      const perStep = new Map<string, number>();
      for (const a of alerts)
        perStep.set(`${a.params.stepKind}-${a.params.share}-${a.recipient}`, (perStep.get(`${a.params.stepKind}-${a.params.share}-${a.recipient}`) ?? 0) + 1);
      expect([...perStep.values()].every((n) => n === 1)).toBe(true);
      expect(await messagesOf(stack, cases[i].id, 'deadline_breached')).toHaveLength(1);
    }
  }, 90_000);
});
