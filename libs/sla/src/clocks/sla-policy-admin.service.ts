import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  FieldProblem,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  OutboxTopic,
  OutboxWriter,
  definedOnly,
  isUniqueViolation,
} from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendarProvider } from '../calendar/business-calendar.provider';
import { SlaClock } from './sla-clock';
import { POLICY_COLUMNS, PolicyRow, policyFrom } from './sla-policies.service';
import { DEFAULT_ESCALATION_TERMS, SlaClockTerms, SlaPolicy } from './sla-policy';
import { SlaPolicyDraft, policyDraftProblems } from './sla-policy-rules';

/** A policy as the admin sees it, with when it was created and last changed. */
export interface SlaPolicyView extends SlaPolicy {
  createdAt: Date;
  updatedAt: Date;
}

/** A new policy: what it measures, how long, what happens while the citizen is asked, and why; the rest has defaults. */
export type NewSlaPolicy = Pick<SlaPolicyDraft, 'code' | 'kind' | 'period' | 'onAwaitingCitizen' | 'legalBasis'> & Partial<SlaPolicyDraft>;

/** The fields to change; the others stay. The code and the kind of clock a policy governs never change. */
export type SlaPolicyPatch = Partial<Omit<SlaPolicyDraft, 'code' | 'kind'>>;

export interface SlaPolicyUpdate {
  policy: SlaPolicyView;
  /** Open clocks that will move onto the new terms; null when open deadlines keep the terms they started with. */
  openClocksToMove: number | null;
}

/** What a new policy gets unless told otherwise: the defaults of the sla_policies table. */
const NEW_POLICY_DEFAULTS: Omit<SlaPolicyDraft, 'code' | 'kind' | 'period' | 'onAwaitingCitizen' | 'legalBasis'> = {
  applicationType: null,
  topicId: null,
  agencyId: null,
  onTransfer: 'keep',
  extension: null,
  requiresNoticeBeforeDeadline: false,
  warningShares: [0.5, 0.75, 0.9],
  active: true,
  ...DEFAULT_ESCALATION_TERMS,
};

const VIEW_COLUMNS = `${POLICY_COLUMNS}, created_at AS "createdAt", updated_at AS "updatedAt"`;
const SCOPE_INDEX = 'sla_policies_one_active_per_scope_idx';
const CODE_KEY = 'sla_policies_code_key';
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Center admins keep the SLA policies. A change never moves an open deadline by itself (each clock keeps a copy
 * of its terms); only when the admin asks does an outbox event have the worker move the open clocks over.
 */
@Injectable()
export class SlaPolicyAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly calendars: BusinessCalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** Active policies first, then by kind and code. */
  async list(): Promise<SlaPolicyView[]> {
    const rows: ViewRow[] = await this.dataSource.query(`SELECT ${VIEW_COLUMNS} FROM sla_policies ORDER BY active DESC, kind, code`);
    return rows.map(viewFrom);
  }

  async get(code: string): Promise<SlaPolicyView> {
    const rows: ViewRow[] = await this.dataSource.query(`SELECT ${VIEW_COLUMNS} FROM sla_policies WHERE code = $1`, [code]);
    if (!rows[0]) throw notFound();
    return viewFrom(rows[0]);
  }

  /** The policy a clock names, active or not (the worker moving open clocks needs it after a later deactivation too). */
  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<SlaPolicy | undefined> {
    const rows: PolicyRow[] = await manager.query(`SELECT ${POLICY_COLUMNS} FROM sla_policies WHERE id = $1`, [id]);
    return rows[0] && policyFrom(rows[0]);
  }

  async create(principal: StaffPrincipal, input: NewSlaPolicy): Promise<SlaPolicyView> {
    assertCenterAdmin(principal);
    const draft: SlaPolicyDraft = { ...NEW_POLICY_DEFAULTS, ...definedOnly(input) } as SlaPolicyDraft;
    const manager = this.dataSource.manager;
    await this.assertValid(manager, draft);
    if (draft.active) await this.assertScopeFree(manager, draft, NO_ID);
    const existing: unknown[] = await manager.query('SELECT 1 FROM sla_policies WHERE code = $1', [draft.code]);
    if (existing.length) throw codeTaken(draft.code);
    try {
      const rows: ViewRow[] = await manager.query(
        `INSERT INTO sla_policies (code, application_type, topic_id, agency_id, kind, amount, unit, on_awaiting_citizen, on_transfer,
           extension_amount, extension_unit, requires_notice_before_deadline, warning_shares, legal_basis, active, ladder,
           re_escalation_amount, re_escalation_unit, public_late_flag, notify_citizen_on_breach, notify_citizen_on_extension, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::numeric[], $14, $15, $16::jsonb, $17, $18, $19, $20, $21, $22, $22)
         RETURNING ${VIEW_COLUMNS}`,
        [draft.code, draft.applicationType, draft.topicId, draft.agencyId, draft.kind, ...columnValues(draft), this.clock.now()],
      );
      return viewFrom(rows[0]);
    } catch (error) {
      throw conflictFrom(error, draft.code);
    }
  }

  /**
   * PATCH semantics: fields left out keep their value. Open clocks keep the terms they started with unless
   * `applyToOpen`: then, in the same transaction, an outbox event asks the worker to move them, and the
   * answer says how many will move.
   */
  async update(principal: StaffPrincipal, code: string, patch: SlaPolicyPatch, options: { applyToOpen?: boolean } = {}): Promise<SlaPolicyUpdate> {
    assertCenterAdmin(principal);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: ViewRow[] = await manager.query(`SELECT ${VIEW_COLUMNS} FROM sla_policies WHERE code = $1 FOR NO KEY UPDATE`, [code]);
        if (!rows[0]) throw notFound();
        const { id, createdAt: _created, updatedAt: _updated, ...current } = viewFrom(rows[0]);
        const draft: SlaPolicyDraft = { ...current, ...definedOnly(patch), code: current.code, kind: current.kind };
        await this.assertValid(manager, draft);
        if (draft.active) await this.assertScopeFree(manager, draft, id);
        const now = this.clock.now();
        // As a CTE: TypeORM hands back an UPDATE's RETURNING rows wrapped with the row count.
        const updated: ViewRow[] = await manager.query(
          `WITH updated AS (UPDATE sla_policies SET application_type = $2, topic_id = $3, agency_id = $4, amount = $5, unit = $6, on_awaiting_citizen = $7,
             on_transfer = $8, extension_amount = $9, extension_unit = $10, requires_notice_before_deadline = $11, warning_shares = $12::numeric[],
             legal_basis = $13, active = $14, ladder = $15::jsonb, re_escalation_amount = $16, re_escalation_unit = $17, public_late_flag = $18,
             notify_citizen_on_breach = $19, notify_citizen_on_extension = $20, updated_at = $21
           WHERE id = $1 RETURNING ${VIEW_COLUMNS}) SELECT * FROM updated`,
          [id, draft.applicationType, draft.topicId, draft.agencyId, ...columnValues(draft), now],
        );
        const policy = viewFrom(updated[0]);
        if (!options.applyToOpen) return { policy, openClocksToMove: null };
        const [{ count }]: { count: number }[] = await manager.query(
          `SELECT count(*)::int AS count FROM sla_clocks WHERE policy_id = $1 AND stopped_at IS NULL AND terms IS DISTINCT FROM $2::jsonb`,
          [id, JSON.stringify(await this.termsOf(policy))],
        );
        await this.outbox.append(manager, [
          { topic: OutboxTopic.SlaPolicyChanged, aggregateId: id, payload: { policyId: id, requestedAt: now.toISOString() } },
        ]);
        return { policy, openClocksToMove: count };
      });
    } catch (error) {
      throw conflictFrom(error, code);
    }
  }

  /** Policies are deactivated, never deleted: clocks and history refer to them. New clocks stop getting this one. */
  async deactivate(principal: StaffPrincipal, code: string): Promise<SlaPolicyView> {
    assertCenterAdmin(principal);
    const rows: ViewRow[] = await this.dataSource.query(
      `WITH updated AS (UPDATE sla_policies SET active = false, updated_at = CASE WHEN active THEN $2 ELSE updated_at END WHERE code = $1
         RETURNING ${VIEW_COLUMNS}) SELECT * FROM updated`,
      [code, this.clock.now()],
    );
    if (!rows[0]) throw notFound();
    return viewFrom(rows[0]);
  }

  /**
   * The next open clocks under `policy` after `afterId` (keyset on id) that do not yet run on its current terms:
   * a clock started or already moved since the change is left alone, so a retried walk redoes nothing.
   */
  async clocksBehind(policy: SlaPolicy, afterId: string | null, limit: number): Promise<{ id: string; applicationId: string }[]> {
    return this.dataSource.query(
      `SELECT id, application_id AS "applicationId" FROM sla_clocks
       WHERE policy_id = $1 AND stopped_at IS NULL AND terms IS DISTINCT FROM $2::jsonb AND id > $3::uuid
       ORDER BY id LIMIT $4`,
      [policy.id, JSON.stringify(await this.termsOf(policy)), afterId ?? NO_ID, limit],
    );
  }

  /** Whether the clock still runs on other terms than `policy`'s, read under the caller's application lock. */
  async isBehind(manager: EntityManager, clockId: string, policy: SlaPolicy): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM sla_clocks WHERE id = $1 AND policy_id = $2 AND stopped_at IS NULL AND terms IS DISTINCT FROM $3::jsonb',
      [clockId, policy.id, JSON.stringify(await this.termsOf(policy))],
    );
    return rows.length > 0;
  }

  /** The terms a clock copies from the policy, exactly as SlaClock writes them (compared as jsonb, so key order does not matter). */
  private async termsOf(policy: SlaPolicy): Promise<SlaClockTerms> {
    return SlaClock.start(policy, this.clock.now(), await this.calendars.calendar()).terms;
  }

  private async assertValid(manager: EntityManager, draft: SlaPolicyDraft): Promise<void> {
    const problems = policyDraftProblems(draft);
    if (problems.length) throw new InvalidInputError(problems);
    await this.assertPlannable(draft);
    const [found]: { type: boolean; topic: boolean; agency: boolean }[] = await manager.query(
      `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM application_types WHERE code = $1)) AS type,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM topics WHERE id = $2)) AS topic,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM agencies WHERE id = $3)) AS agency`,
      [draft.applicationType, draft.topicId, draft.agencyId],
    );
    const missing: FieldProblem[] = [];
    if (!found.type) missing.push({ field: 'applicationType', code: 'not_found' });
    if (!found.topic) missing.push({ field: 'topicId', code: 'not_found' });
    if (!found.agency) missing.push({ field: 'agencyId', code: 'not_found' });
    if (missing.length) throw new InvalidInputError(missing);
  }

  /**
   * Every period must fit the deployment's calendar, which plans no deadline more than three years of calendar
   * time away: a policy that passes the rules but not this would stop every clock under it from starting.
   */
  private async assertPlannable(draft: SlaPolicyDraft): Promise<void> {
    const calendar = await this.calendars.calendar();
    const now = this.clock.now();
    const problems: FieldProblem[] = [];
    for (const [field, period] of [
      ['period', draft.period],
      ['extension', draft.extension],
      ['reEscalation', draft.reEscalation],
    ] as const) {
      if (!period) continue;
      try {
        calendar.add(now, period);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        problems.push({ field: `${field}.amount`, code: 'too_large' });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  /** Two active policies with one scope would make "the most specific policy" ambiguous; the unique index has the last word. */
  private async assertScopeFree(manager: EntityManager, draft: SlaPolicyDraft, ownId: string): Promise<void> {
    const rows: { code: string }[] = await manager.query(
      `SELECT code FROM sla_policies
       WHERE active AND kind = $1 AND application_type IS NOT DISTINCT FROM $2 AND topic_id IS NOT DISTINCT FROM $3::uuid
         AND agency_id IS NOT DISTINCT FROM $4::uuid AND id <> $5::uuid`,
      [draft.kind, draft.applicationType, draft.topicId, draft.agencyId, ownId],
    );
    if (rows[0]) throw scopeTaken(rows[0].code);
  }
}

interface ViewRow extends PolicyRow {
  createdAt: Date;
  updatedAt: Date;
}

function viewFrom(row: ViewRow): SlaPolicyView {
  return { ...policyFrom(row), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** The columns both insert and update write, from amount to notify_citizen_on_extension. */
function columnValues(d: SlaPolicyDraft): unknown[] {
  return [
    d.period.amount,
    d.period.unit,
    d.onAwaitingCitizen,
    d.onTransfer,
    d.extension?.amount ?? null,
    d.extension?.unit ?? null,
    d.requiresNoticeBeforeDeadline,
    d.warningShares,
    d.legalBasis.trim(),
    d.active,
    JSON.stringify(d.ladder),
    d.reEscalation?.amount ?? null,
    d.reEscalation?.unit ?? null,
    d.publicLateFlag,
    d.notifyCitizenOnBreach,
    d.notifyCitizenOnExtension,
  ];
}

/** Leaves out what the caller did not say (undefined), so defaults and current values hold; null is said and kept. */

function conflictFrom(error: unknown, code: string): unknown {
  if (isUniqueViolation(error, SCOPE_INDEX)) return scopeTaken();
  if (isUniqueViolation(error, CODE_KEY)) return codeTaken(code);
  return error;
}

function scopeTaken(other?: string): ConflictError {
  return new ConflictError('SLA_POLICY_SCOPE_TAKEN', other ? { sentence: 'SLA_POLICY_SCOPE_TAKEN:by', args: { other } } : {});
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('SLA_POLICY_CODE_TAKEN', { args: { code } });
}

function notFound(): NotFoundError {
  return new NotFoundError('SLA_POLICY_NOT_FOUND');
}

function assertCenterAdmin(principal: StaffPrincipal): void {
  if (!hasRole(principal, 'center_admin')) throw new ForbiddenError('FORBIDDEN:center_admins_keep_policies');
}
