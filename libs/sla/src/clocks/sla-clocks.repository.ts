import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SlaClock } from './sla-clock';
import { DEFAULT_ESCALATION_TERMS } from './sla-policy';

/** A clock as stored: the pure clock plus its row id and the application it belongs to. */
export interface StoredSlaClock extends SlaClock {
  id: string;
  applicationId: string;
}

const COLUMNS = `id, application_id AS "applicationId", policy_id AS "policyId", kind, terms, started_at AS "startedAt",
  deadline_at AS "deadlineAt", total_minutes AS "totalMinutes", paused_at AS "pausedAt", remaining_minutes AS "remainingMinutes",
  extended, extension_reason AS "extensionReason", stopped_at AS "stoppedAt", deadline_version AS "deadlineVersion", breached_at AS "breachedAt",
  escalation_run AS "escalationRun", last_escalation_step AS "lastEscalationStep", next_escalation_step AS "nextEscalationStep",
  next_escalation_at AS "nextEscalationAt", escalation_level AS "escalationLevel", center_escalated_at AS "centerEscalatedAt"`;

/** Loads and saves an application's SLA clocks inside the caller's transaction. */
@Injectable()
export class SlaClocksRepository {
  /** The clocks still running or paused, oldest first. */
  async openClocks(manager: EntityManager, applicationId: string): Promise<StoredSlaClock[]> {
    return withTerms(
      await manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE application_id = $1 AND stopped_at IS NULL ORDER BY created_at, kind, id`, [applicationId]),
    );
  }

  /** The clocks still running or paused of several applications at once (a page of the inbox), in one query. */
  async openClocksOf(manager: EntityManager, applicationIds: string[]): Promise<StoredSlaClock[]> {
    if (applicationIds.length === 0) return [];
    return withTerms(
      await manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE application_id = ANY($1::uuid[]) AND stopped_at IS NULL ORDER BY created_at, kind, id`, [
        applicationIds,
      ]),
    );
  }

  /** Every clock the application ever ran, oldest first. */
  async allClocks(manager: EntityManager, applicationId: string): Promise<StoredSlaClock[]> {
    return withTerms(await manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE application_id = $1 ORDER BY created_at, kind, id`, [applicationId]));
  }

  /** One clock, locked for the rest of the transaction; the caller already holds its application's lock. */
  async lockedClock(manager: EntityManager, clockId: string): Promise<StoredSlaClock | undefined> {
    return withTerms(await manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE id = $1 FOR UPDATE`, [clockId]))[0];
  }

  /**
   * Running clocks whose next escalation step was due before `before`, most overdue first. Reads the partial
   * index sla_clocks_escalation_due_idx, so its cost follows the number of due steps, not of open clocks.
   */
  dueForEscalation(manager: EntityManager, before: Date, limit: number): Promise<{ id: string; applicationId: string }[]> {
    return manager.query(
      `SELECT id, application_id AS "applicationId" FROM sla_clocks
       WHERE stopped_at IS NULL AND paused_at IS NULL AND next_escalation_at IS NOT NULL AND next_escalation_at <= $1
       ORDER BY next_escalation_at LIMIT $2`,
      [before, limit],
    );
  }

  async insert(manager: EntityManager, applicationId: string, clock: SlaClock, at: Date): Promise<StoredSlaClock> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO sla_clocks (application_id, policy_id, kind, terms, started_at, deadline_at, total_minutes, paused_at, remaining_minutes,
         extended, extension_reason, stopped_at, deadline_version, breached_at, escalation_run, last_escalation_step, next_escalation_step,
         next_escalation_at, escalation_level, center_escalated_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
      [
        applicationId,
        clock.policyId,
        clock.kind,
        JSON.stringify(clock.terms),
        clock.startedAt,
        clock.deadlineAt,
        clock.totalMinutes,
        clock.pausedAt,
        clock.remainingMinutes,
        clock.extended,
        clock.extensionReason,
        clock.stoppedAt,
        clock.deadlineVersion,
        clock.breachedAt,
        clock.escalationRun,
        clock.lastEscalationStep,
        clock.nextEscalationStep,
        clock.nextEscalationAt,
        clock.escalationLevel,
        clock.centerEscalatedAt,
        at,
      ],
    );
    return { ...clock, id: row.id, applicationId };
  }

  /** Writes every changing field of a clock loaded earlier (a restart replaces its terms and start too). */
  async update(manager: EntityManager, clock: StoredSlaClock): Promise<void> {
    await manager.query(
      `UPDATE sla_clocks SET policy_id = $2, terms = $3, started_at = $4, deadline_at = $5, total_minutes = $6, paused_at = $7,
         remaining_minutes = $8, extended = $9, extension_reason = $10, stopped_at = $11, deadline_version = $12, breached_at = $13,
         escalation_run = $14, last_escalation_step = $15, next_escalation_step = $16, next_escalation_at = $17, escalation_level = $18,
         center_escalated_at = $19
       WHERE id = $1`,
      [
        clock.id,
        clock.policyId,
        JSON.stringify(clock.terms),
        clock.startedAt,
        clock.deadlineAt,
        clock.totalMinutes,
        clock.pausedAt,
        clock.remainingMinutes,
        clock.extended,
        clock.extensionReason,
        clock.stoppedAt,
        clock.deadlineVersion,
        clock.breachedAt,
        clock.escalationRun,
        clock.lastEscalationStep,
        clock.nextEscalationStep,
        clock.nextEscalationAt,
        clock.escalationLevel,
        clock.centerEscalatedAt,
      ],
    );
  }
}

/** Terms saved before the ladder existed get the default ladder. */
function withTerms(rows: StoredSlaClock[]): StoredSlaClock[] {
  for (const row of rows) row.terms = { ...DEFAULT_ESCALATION_TERMS, ...row.terms };
  return rows;
}
