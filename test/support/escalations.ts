import { waitFor } from './ports';
import type { TestStack } from './stack';

/**
 * Escalation suites run the ladder on real timers. The stack works around the clock with no public holidays, so a policy
 * of 0.0025 working hours is 9 real seconds: warnings at 50% (4.5 s) and 75% (6.75 s), the breach at 9 s, and
 * one re-escalation 9 s after that. Two workers run, so every step is also a race between them.
 */
export const PERIOD_MS = 9000;
export const RE_ESCALATION_MS = 9000;
const SHARES = [0.5, 0.75];
export const ALWAYS_OPEN = {
  WORKING_DAYS: '1,2,3,4,5,6,7',
  WORKING_HOURS: '00:00-24:00',
  CALENDAR_PUBLIC_HOLIDAYS: 'false',
  ESCALATION_SWEEP_INTERVAL_MS: '250',
};

export interface EscalationRow {
  step: number;
  step_kind: string;
  level: number;
  share: string | null;
  due_at: Date;
  fired_at: Date;
  fired_by: string;
}

export interface AnswerClock {
  id: string;
  started_at: Date;
  deadline_at: Date;
  paused_at: Date | null;
  deadline_version: number;
  next_escalation_at: Date | null;
  escalation_level: number;
  center_escalated_at: Date | null;
  breached_at: Date | null;
}

export async function useShortPolicy(stack: TestStack): Promise<void> {
  // Only water complaints get it; everything else keeps the seeded legal periods.
  await stack.db.query(
    `INSERT INTO sla_policies (code, application_type, topic_id, kind, amount, unit, on_awaiting_citizen, warning_shares, re_escalation_amount, re_escalation_unit)
     SELECT 'TEST-SHORT', 'complaint', id, 'answer', 0.0025, 'working_hours', 'pause', $1, 0.0025, 'working_hours' FROM topics WHERE code = 'water'`,
    [SHARES],
  );
}

export const answerClock = async (stack: TestStack, applicationId: string): Promise<AnswerClock> =>
  (
    await stack.db.query(
      `SELECT id, started_at, deadline_at, paused_at, deadline_version, next_escalation_at, escalation_level, center_escalated_at, breached_at
       FROM sla_clocks WHERE application_id = $1 AND kind = 'answer' ORDER BY created_at DESC LIMIT 1`,
      [applicationId],
    )
  ).rows[0];

export const clockStarted = (stack: TestStack, applicationId: string) =>
  waitFor(async () => answerClock(stack, applicationId), 10_000, `the answer clock of ${applicationId}`);

export const escalations = async (stack: TestStack, clockId: string): Promise<EscalationRow[]> =>
  (await stack.db.query('SELECT step, step_kind, level, share, due_at, fired_at, fired_by FROM sla_escalations WHERE clock_id = $1 ORDER BY step', [clockId]))
    .rows;

export const stepsFired = (stack: TestStack, clockId: string, count: number, timeoutMs = 30_000) =>
  waitFor(
    async () => {
      const rows = await escalations(stack, clockId);
      return rows.length >= count && rows;
    },
    timeoutMs,
    `${count} escalation steps on clock ${clockId}`,
  );

export const historyOf = async (stack: TestStack, applicationId: string, kinds: string[]) =>
  (await stack.db.query('SELECT kind, data FROM application_events WHERE application_id = $1 AND kind = ANY($2) ORDER BY id', [applicationId, kinds])).rows;

export const messagesOf = async (
  stack: TestStack,
  applicationId: string,
  template: string,
): Promise<{ recipient: string; params: Record<string, unknown> }[]> =>
  (
    await stack.db.query('SELECT recipient, params FROM outgoing_messages WHERE application_id = $1 AND template = $2 ORDER BY created_at, recipient', [
      applicationId,
      template,
    ])
  ).rows;

export const lateness = (row: EscalationRow) => row.fired_at.getTime() - row.due_at.getTime();
