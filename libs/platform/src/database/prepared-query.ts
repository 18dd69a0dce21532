import { Injectable } from '@nestjs/common';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Runs a named (server-side prepared) statement on TypeORM's own pool. PostgreSQL then
 * plans it once per connection instead of on every call: worth it only on the hottest paths
 * (intake, routing), where planning costs as much as executing.
 */
@Injectable()
export class PreparedQuery {
  constructor(private readonly dataSource: DataSource) {}

  async rows<T extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<T>({ name, text, values });
    return result.rows;
  }
}
