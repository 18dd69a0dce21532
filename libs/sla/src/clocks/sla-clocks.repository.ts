import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SlaClock } from './sla-clock';

/** A clock as stored: the pure clock plus its row id and the application it belongs to. */
export interface StoredSlaClock extends SlaClock {
  id: string;
  applicationId: string;
}

const COLUMNS = `id, application_id AS "applicationId", policy_id AS "policyId", kind, terms, started_at AS "startedAt",
  deadline_at AS "deadlineAt", total_minutes AS "totalMinutes", paused_at AS "pausedAt", remaining_minutes AS "remainingMinutes",
  extended, extension_reason AS "extensionReason", stopped_at AS "stoppedAt", deadline_version AS "deadlineVersion", breached_at AS "breachedAt"`;

/** Loads and saves an application's SLA clocks inside the caller's transaction. */
@Injectable()
export class SlaClocksRepository {
  /** The clocks still running or paused, oldest first. */
  openClocks(manager: EntityManager, applicationId: string): Promise<StoredSlaClock[]> {
    return manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE application_id = $1 AND stopped_at IS NULL ORDER BY created_at, kind, id`, [applicationId]);
  }

  /** Every clock the application ever ran, oldest first. */
  allClocks(manager: EntityManager, applicationId: string): Promise<StoredSlaClock[]> {
    return manager.query(`SELECT ${COLUMNS} FROM sla_clocks WHERE application_id = $1 ORDER BY created_at, kind, id`, [applicationId]);
  }

  async insert(manager: EntityManager, applicationId: string, clock: SlaClock, at: Date): Promise<StoredSlaClock> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO sla_clocks (application_id, policy_id, kind, terms, started_at, deadline_at, total_minutes, paused_at, remaining_minutes,
         extended, extension_reason, stopped_at, deadline_version, breached_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [applicationId, clock.policyId, clock.kind, JSON.stringify(clock.terms), clock.startedAt, clock.deadlineAt, clock.totalMinutes,
        clock.pausedAt, clock.remainingMinutes, clock.extended, clock.extensionReason, clock.stoppedAt, clock.deadlineVersion, clock.breachedAt, at],
    );
    return { ...clock, id: row.id, applicationId };
  }

  /** Writes every changing field of a clock loaded earlier (a restart replaces its terms and start too). */
  async update(manager: EntityManager, clock: StoredSlaClock): Promise<void> {
    await manager.query(
      `UPDATE sla_clocks SET policy_id = $2, terms = $3, started_at = $4, deadline_at = $5, total_minutes = $6, paused_at = $7,
         remaining_minutes = $8, extended = $9, extension_reason = $10, stopped_at = $11, deadline_version = $12, breached_at = $13
       WHERE id = $1`,
      [clock.id, clock.policyId, JSON.stringify(clock.terms), clock.startedAt, clock.deadlineAt, clock.totalMinutes, clock.pausedAt,
        clock.remainingMinutes, clock.extended, clock.extensionReason, clock.stoppedAt, clock.deadlineVersion, clock.breachedAt],
    );
  }
}
