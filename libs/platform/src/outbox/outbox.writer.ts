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
   */
  static insertFromCte(source: string, topicParameter: string, payloadParameter?: string): string {
    const payload = payloadParameter ? `${payloadParameter}::jsonb` : `'{}'::jsonb`;
    return `INSERT INTO outbox_events (topic, aggregate_id, payload) SELECT ${topicParameter}, id, ${payload} FROM ${source}`;
  }
}
