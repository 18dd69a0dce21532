import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError, isUuid } from '@petitio/platform';
import { DataSource } from 'typeorm';

/**
 * - `hash_mismatch`: the event's contents no longer give its stored hash (it was edited).
 * - `prev_hash_mismatch`: the event does not point at the event before it (one was removed, or forged with a new hash).
 * - `missing_hash`: the event was written without the chain trigger.
 */
export type BrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'missing_hash';

/** The first place where an application's history stops being the one the database wrote. */
export interface BrokenLink {
  applicationId: string;
  trackingNumber: string | null;
  eventId: string;
  reason: BrokenLinkReason;
}

export interface HistoryVerification {
  events: number;
  applications: number;
  /** Applications whose history is broken somewhere; only the first `maxReported` are in `brokenLinks`. */
  brokenApplications: number;
  /** The first broken link of each broken application, in application order. */
  brokenLinks: BrokenLink[];
}

export interface VerifyHistoryOptions {
  /** Only this application's history; every application when absent. */
  applicationId?: string;
  batchSize?: number;
  maxReported?: number;
  /** Called after each batch; `estimatedEvents` comes from table statistics when checking everything. */
  onProgress?: (checked: { events: number; applications: number }, estimatedEvents: number) => void;
}

interface BatchResult {
  events: number;
  applications: number;
  lastApplicationId: string | null;
  lastId: string | null;
  lastHash: Buffer | null;
  problems: BrokenLink[];
}

// Sorts before every real id (gen_random_uuid never draws it), so the first batch needs no special query.
const BEFORE_EVERY_APPLICATION = '00000000-0000-0000-0000-000000000000';

/**
 * One batch of the walk, in (application_id, id) order from just after the last event checked.
 * $1/$2 are that event's application and id, $3 its stored hash (what the next link must point at).
 * Hashes are recomputed with the trigger's own SQL function, so formatting can never differ.
 */
function batchQuery(oneApplication: boolean): string {
  return `
    WITH batch AS (
      SELECT * FROM application_events e
      WHERE (e.application_id, e.id) > ($1::uuid, $2::bigint) ${oneApplication ? 'AND e.application_id = $5::uuid' : ''}
      ORDER BY e.application_id, e.id
      LIMIT $4
    ), linked AS (
      SELECT b.id, b.application_id, b.hash, b.prev_hash,
        lag(b.id) OVER w IS NULL AND b.application_id <> $1::uuid AS starts_application,
        CASE WHEN lag(b.id) OVER w IS NOT NULL THEN lag(b.hash) OVER w
             WHEN b.application_id = $1::uuid THEN $3::bytea END AS expected_prev_hash,
        sha256(convert_to(application_event_digest_input(b.prev_hash, b.application_id, b.occurred_at, b.kind, b.actor_type,
          b.actor_id, b.from_status, b.to_status, b.from_agency_id, b.to_agency_id, b.data), 'UTF8')) AS recomputed_hash
      FROM batch b
      WINDOW w AS (PARTITION BY b.application_id ORDER BY b.id)
    ), judged AS (
      SELECT id, application_id, hash, starts_application,
        CASE WHEN hash IS NULL THEN 'missing_hash'
             WHEN hash <> recomputed_hash THEN 'hash_mismatch'
             WHEN prev_hash IS DISTINCT FROM expected_prev_hash THEN 'prev_hash_mismatch' END AS reason
      FROM linked
    )
    SELECT s.events, s.applications, l.application_id AS "lastApplicationId", l.id::text AS "lastId", l.hash AS "lastHash", p.problems
    FROM (SELECT count(*)::int AS events, (count(*) FILTER (WHERE starts_application))::int AS applications FROM judged) s
    LEFT JOIN LATERAL (SELECT application_id, id, hash FROM judged ORDER BY application_id DESC, id DESC LIMIT 1) l ON true
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object('applicationId', f.application_id, 'trackingNumber', a.tracking_number,
        'eventId', f.id::text, 'reason', f.reason) ORDER BY f.application_id), '[]') AS problems
      FROM (SELECT DISTINCT ON (application_id) application_id, id, reason FROM judged
            WHERE reason IS NOT NULL ORDER BY application_id, id) f
      LEFT JOIN applications a ON a.id = f.application_id
    ) p`;
}

/**
 * Walks the hash chain of every application's history (or one) and reports where it breaks.
 * Keyset batches over the (application_id, id) index: memory stays flat on tens of millions of
 * events, and events appended meanwhile are simply checked when the walk reaches them.
 */
@Injectable()
export class HistoryVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(options: VerifyHistoryOptions = {}): Promise<HistoryVerification> {
    const { applicationId, batchSize = 10000, maxReported = 100, onProgress } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new InvalidInputError([{ field: 'batchSize', code: 'invalid', sentence: 'positive' }]);
    }
    if (applicationId !== undefined) await this.assertApplicationExists(applicationId);
    const estimatedEvents = await this.estimateEvents(applicationId);

    const result: HistoryVerification = { events: 0, applications: 0, brokenApplications: 0, brokenLinks: [] };
    const sql = batchQuery(applicationId !== undefined);
    let after = { applicationId: BEFORE_EVERY_APPLICATION, id: '0', hash: null as Buffer | null };
    let lastBrokenApplicationId: string | null = null;
    for (;;) {
      const params: unknown[] = [after.applicationId, after.id, after.hash, batchSize];
      if (applicationId !== undefined) params.push(applicationId);
      const [batch]: BatchResult[] = await this.dataSource.query(sql, params);
      result.events += batch.events;
      result.applications += batch.applications;
      for (const problem of batch.problems) {
        // An application spanning two batches may break in both: only its first break counts.
        if (problem.applicationId === lastBrokenApplicationId) continue;
        lastBrokenApplicationId = problem.applicationId;
        result.brokenApplications++;
        if (result.brokenLinks.length < maxReported) result.brokenLinks.push(problem);
      }
      onProgress?.({ events: result.events, applications: result.applications }, Math.max(estimatedEvents, result.events));
      if (batch.events < batchSize || batch.lastApplicationId === null) return result;
      after = { applicationId: batch.lastApplicationId, id: batch.lastId!, hash: batch.lastHash };
    }
  }

  private async assertApplicationExists(applicationId: string): Promise<void> {
    if (!isUuid(applicationId)) {
      throw new InvalidInputError([{ field: 'application', code: 'invalid', sentence: 'isUuid' }]);
    }
    const rows = await this.dataSource.query('SELECT 1 FROM applications WHERE id = $1', [applicationId]);
    if (rows.length === 0) throw new NotFoundError('APPLICATION_NOT_FOUND');
  }

  /** Counting tens of millions of rows takes longer than a progress bar deserves: use the planner's estimate. */
  private async estimateEvents(applicationId?: string): Promise<number> {
    if (applicationId !== undefined) {
      const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM application_events WHERE application_id = $1', [applicationId]);
      return row.n;
    }
    const [row] = await this.dataSource.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'application_events'::regclass`);
    // -1 until the table is first analysed.
    return Math.max(Number(row.n), 0);
  }
}
