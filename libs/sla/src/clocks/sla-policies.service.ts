import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DeadlineUnit } from '../calendar/business-calendar';
import { ClockKind, EscalationTarget, OnAwaitingCitizen, OnTransfer, SlaPolicy } from './sla-policy';

export interface PolicyRow {
  id: string;
  code: string;
  applicationType: string | null;
  topicId: string | null;
  agencyId: string | null;
  kind: ClockKind;
  amount: string;
  unit: DeadlineUnit;
  onAwaitingCitizen: OnAwaitingCitizen;
  onTransfer: OnTransfer;
  extensionAmount: string | null;
  extensionUnit: DeadlineUnit | null;
  requiresNoticeBeforeDeadline: boolean;
  warningShares: string[];
  legalBasis: string;
  active: boolean;
  ladder: EscalationTarget[][];
  reEscalationAmount: string | null;
  reEscalationUnit: DeadlineUnit | null;
  publicLateFlag: boolean;
  notifyCitizenOnBreach: boolean;
  notifyCitizenOnExtension: boolean;
}

export const POLICY_COLUMNS = `id, code, application_type AS "applicationType", topic_id AS "topicId", agency_id AS "agencyId", kind,
  amount, unit, on_awaiting_citizen AS "onAwaitingCitizen", on_transfer AS "onTransfer",
  extension_amount AS "extensionAmount", extension_unit AS "extensionUnit",
  requires_notice_before_deadline AS "requiresNoticeBeforeDeadline", warning_shares AS "warningShares",
  legal_basis AS "legalBasis", active, ladder, re_escalation_amount AS "reEscalationAmount", re_escalation_unit AS "reEscalationUnit",
  public_late_flag AS "publicLateFlag", notify_citizen_on_breach AS "notifyCitizenOnBreach", notify_citizen_on_extension AS "notifyCitizenOnExtension"`;

/** The deployment's SLA policies: per application type, overridden per topic and per agency. */
@Injectable()
export class SlaPolicies {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The most specific active policy for a clock of `kind`: one naming the agency beats one naming the topic,
   * which beats one naming the type; NULL in a policy matches anything. Undefined when none applies.
   */
  async policyFor(
    applicationType: string,
    topicId: string | null,
    agencyId: string | null,
    kind: ClockKind,
    manager?: EntityManager,
  ): Promise<SlaPolicy | undefined> {
    const rows: PolicyRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${POLICY_COLUMNS} FROM sla_policies
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
    const rows: PolicyRow[] = await this.dataSource.query(`SELECT ${POLICY_COLUMNS} FROM sla_policies WHERE code = $1`, [code]);
    return rows[0] && policyFrom(rows[0]);
  }
}

/** numeric columns arrive from pg as strings. */
export function policyFrom(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    code: row.code,
    applicationType: row.applicationType,
    topicId: row.topicId,
    agencyId: row.agencyId,
    kind: row.kind,
    period: { amount: Number(row.amount), unit: row.unit },
    onAwaitingCitizen: row.onAwaitingCitizen,
    onTransfer: row.onTransfer,
    extension: row.extensionAmount != null && row.extensionUnit ? { amount: Number(row.extensionAmount), unit: row.extensionUnit } : null,
    requiresNoticeBeforeDeadline: row.requiresNoticeBeforeDeadline,
    // numeric[] arrives as strings from pg.
    warningShares: row.warningShares.map(Number).sort((a, b) => a - b),
    legalBasis: row.legalBasis,
    active: row.active,
    ladder: row.ladder,
    reEscalation: row.reEscalationAmount != null && row.reEscalationUnit ? { amount: Number(row.reEscalationAmount), unit: row.reEscalationUnit } : null,
    publicLateFlag: row.publicLateFlag,
    notifyCitizenOnBreach: row.notifyCitizenOnBreach,
    notifyCitizenOnExtension: row.notifyCitizenOnExtension,
  };
}
