import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DeadlineUnit } from '../calendar/business-calendar';
import { ClockKind, OnAwaitingCitizen, OnTransfer, SlaPolicy } from './sla-policy';

interface PolicyRow {
  id: string;
  code: string;
  applicationType: string | null;
  topicId: string | null;
  agencyId: string | null;
  kind: ClockKind;
  amount: number;
  unit: DeadlineUnit;
  onAwaitingCitizen: OnAwaitingCitizen;
  onTransfer: OnTransfer;
  extensionAmount: number | null;
  extensionUnit: DeadlineUnit | null;
  requiresNoticeBeforeDeadline: boolean;
  warningShares: string[];
  legalBasis: string;
  active: boolean;
}

const COLUMNS = `id, code, application_type AS "applicationType", topic_id AS "topicId", agency_id AS "agencyId", kind,
  amount, unit, on_awaiting_citizen AS "onAwaitingCitizen", on_transfer AS "onTransfer",
  extension_amount AS "extensionAmount", extension_unit AS "extensionUnit",
  requires_notice_before_deadline AS "requiresNoticeBeforeDeadline", warning_shares AS "warningShares",
  legal_basis AS "legalBasis", active`;

/** The deployment's SLA policies: per application type, overridden per topic and per agency. */
@Injectable()
export class SlaPolicies {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The most specific active policy for a clock of `kind`: one naming the agency beats one naming the topic,
   * which beats one naming the type; NULL in a policy matches anything. Undefined when none applies.
   */
  async policyFor(applicationType: string, topicId: string | null, agencyId: string | null, kind: ClockKind, manager?: EntityManager): Promise<SlaPolicy | undefined> {
    const rows: PolicyRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM sla_policies
       WHERE active AND kind = $4
         AND (application_type IS NULL OR application_type = $1)
         AND (topic_id IS NULL OR topic_id = $2)
         AND (agency_id IS NULL OR agency_id = $3)
       ORDER BY agency_id IS NULL, topic_id IS NULL, application_type IS NULL, code
       LIMIT 1`,
      [applicationType, topicId, agencyId, kind],
    );
    return rows[0] && policyFrom(rows[0]);
  }

  async byCode(code: string): Promise<SlaPolicy | undefined> {
    const rows: PolicyRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM sla_policies WHERE code = $1`, [code]);
    return rows[0] && policyFrom(rows[0]);
  }
}

function policyFrom(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    code: row.code,
    applicationType: row.applicationType,
    topicId: row.topicId,
    agencyId: row.agencyId,
    kind: row.kind,
    period: { amount: row.amount, unit: row.unit },
    onAwaitingCitizen: row.onAwaitingCitizen,
    onTransfer: row.onTransfer,
    extension: row.extensionAmount != null && row.extensionUnit ? { amount: row.extensionAmount, unit: row.extensionUnit } : null,
    requiresNoticeBeforeDeadline: row.requiresNoticeBeforeDeadline,
    // numeric[] arrives as strings from pg.
    warningShares: row.warningShares.map(Number).sort((a, b) => a - b),
    legalBasis: row.legalBasis,
    active: row.active,
  };
}
