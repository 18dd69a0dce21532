import { Injectable } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The register of who saw a citizen's identity or contact, on which application and when.
 * Written before the data leaves, so nothing is shown that is not on record.
 */
@Injectable()
export class PersonalDataReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One row per application, all with the same fields; `reason` is what a reveal stated. */
  async record(
    staffUserId: string,
    applicationIds: string[],
    fields: string[],
    manager: EntityManager = this.dataSource.manager,
    reason: string | null = null,
  ): Promise<void> {
    if (applicationIds.length === 0 || fields.length === 0) return;
    await manager.query(
      `INSERT INTO personal_data_reads (staff_user_id, application_id, read_at, fields, reason)
       SELECT $1, application_id, $2, $3, $5 FROM unnest($4::uuid[]) AS application_id`,
      [staffUserId, this.clock.now(), fields, applicationIds, reason],
    );
  }
}
