import { Injectable } from '@nestjs/common';
import { EntityManager, DataSource } from 'typeorm';

export interface RoutingRuleRecord {
  code: string;
  position?: number;
  description?: string;
  typeCode?: string | null;
  topicCode?: string | null;
  provinceCode?: string | null;
  districtCode?: string | null;
  keywords?: string[] | null;
  agencyCode: string;
}

/** Writes routing rules by their code, so loading the same rule set twice changes nothing. */
@Injectable()
export class RoutingRulesService {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(records: RoutingRuleRecord[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    for (const r of records) {
      await manager.query(
        `INSERT INTO routing_rules (code, position, description, type_code, topic_id, province_code, district_code, keywords, agency_id)
         VALUES ($1, $2, $3, $4, (SELECT id FROM topics WHERE code = $5), $6, $7, $8, (SELECT id FROM agencies WHERE code = $9))
         ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, description = EXCLUDED.description,
           type_code = EXCLUDED.type_code, topic_id = EXCLUDED.topic_id, province_code = EXCLUDED.province_code,
           district_code = EXCLUDED.district_code, keywords = EXCLUDED.keywords, agency_id = EXCLUDED.agency_id`,
        [
          r.code,
          r.position ?? 100,
          r.description ?? '',
          r.typeCode ?? null,
          r.topicCode ?? null,
          r.provinceCode ?? null,
          r.districtCode ?? null,
          r.keywords ?? null,
          r.agencyCode,
        ],
      );
    }
  }
}
