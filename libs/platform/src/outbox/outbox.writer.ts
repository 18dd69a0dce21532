import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewOutboxEvent } from './outbox-event';

/**
 * Records domain events in the caller's transaction, so an event exists if and only if
 * the change that caused it was committed. The relay publishes them later.
 */
@Injectable()
export class OutboxWriter {
  async append(manager: EntityManager, events: NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const rows = events.map((event, i) => {
      values.push(event.topic, event.aggregateId, JSON.stringify(event.payload ?? {}));
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`;
    });
    await manager.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ${rows.join(', ')}`, values);
  }

  /**
   * SQL for one outbox row per row of a CTE named `source` (which must return `id`), so a
   * hot path can write its change and its event in a single statement, one round trip.
   * `payload` is an SQL expression over the CTE's columns or parameters (an empty object when left out).
   */
  static insertFromCte(source: string, topicParameter: string, payload = `'{}'::jsonb`): string {
    return `INSERT INTO outbox_events (topic, aggregate_id, payload) SELECT ${topicParameter}, id, ${payload} FROM ${source} ORDER BY id`;
  }

  /**
   * The safety net for work whose job was lost with Redis: re-emits `topic` for each id that
   * `strandedSql` selects (parameters `params`) and that has no event already waiting. Job ids
   * are derived from the aggregate, so where the job still exists the new one is a no-op.
   */
  async reemit(manager: EntityManager, topic: string, strandedSql: string, params: unknown[], limit = 1000): Promise<number> {
    const topicParam = `$${params.length + 1}`;
    const rows: unknown[] = await manager.query(
      `WITH stranded AS (${strandedSql}),
       fresh AS (
         SELECT s.id FROM stranded s
         WHERE NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.aggregate_id = s.id AND o.topic = ${topicParam})
         LIMIT $${params.length + 2}
       ), event AS (${OutboxWriter.insertFromCte('fresh', topicParam)})
       SELECT id FROM fresh`,
      [...params, topic, limit],
    );
    return rows.length;
  }
}
