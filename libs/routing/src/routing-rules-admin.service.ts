import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import { ConflictError, FieldProblem, InvalidInputError, NotFoundError, definedOnly, isTransientConflict, isUniqueViolation, isUuid } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { RoutingReason, decideRouting } from './routing-decision';
import { RoutingRuleDraft, routingRuleDraftProblems } from './routing-rule-draft';
import { orderRules, specificity } from './rule-matcher';

/** A rule as the admin sees it: codes instead of ids, and its place in the order rules are tried (null when inactive). */
export interface RoutingRuleView extends RoutingRuleDraft {
  id: string;
  agencyId: string;
  topicId: string | null;
  specificity: number;
  order: number | null;
  createdAt: Date;
}

/** The fields to change; the others stay. A rule's code never changes: the seed and imports find rules by it. */
export type RoutingRulePatch = Partial<Omit<RoutingRuleDraft, 'code'>>;

/** An application as the preview imagines it: codes as a citizen's form sends them. */
export interface RoutingPreviewInput {
  type: string;
  topicCode: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  subject: string;
  body: string;
  language: string;
}

export interface RoutingPreview {
  agencyId: string;
  agencyCode: string;
  reason: RoutingReason;
  /** The rule that decided; undefined when the topic default or triage did. */
  rule?: RoutingRuleView;
}

const SELECT_RULES = `SELECT r.id, r.code, r.position, r.description, r.type_code AS "typeCode", r.topic_id AS "topicId", t.code AS "topicCode",
    r.province_code AS "provinceCode", r.district_code AS "districtCode", coalesce(r.keywords, '{}') AS keywords,
    r.agency_id AS "agencyId", a.code AS "agencyCode", r.active, r.created_at AS "createdAt"
  FROM routing_rules r JOIN agencies a ON a.id = r.agency_id LEFT JOIN topics t ON t.id = r.topic_id`;
const CODE_KEY = 'routing_rules_code_key';
const REMOVE_ATTEMPTS = 3;
type RuleRow = Omit<RoutingRuleView, 'specificity' | 'order'>;

/**
 * Center admins keep the routing rules. Changes reach the router within its few seconds of rule cache; applications
 * already routed stay where they are. The preview asks the router's own decision over the rules as stored now.
 */
@Injectable()
export class RoutingRulesAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
  ) {}

  /** Active rules in the order the router tries them, then the inactive ones by code. */
  async list(): Promise<RoutingRuleView[]> {
    const rows: RuleRow[] = await this.dataSource.query(`${SELECT_RULES} ORDER BY r.code`);
    const active = orderRules(rows.filter((r) => r.active));
    return [
      ...active.map((r, i) => ({ ...r, specificity: specificity(r), order: i + 1 })),
      ...rows.filter((r) => !r.active).map((r) => ({ ...r, specificity: specificity(r), order: null })),
    ];
  }

  async get(id: string): Promise<RoutingRuleView> {
    return this.read(this.dataSource.manager, id);
  }

  /** One rule, with the active ones read beside it only to know its place in the order. */
  private async read(manager: EntityManager, id: string): Promise<RoutingRuleView> {
    const rows: RuleRow[] = isUuid(id) ? await manager.query(`${SELECT_RULES} WHERE r.active OR r.id = $1`, [id]) : [];
    const found = rows.find((r) => r.id === id);
    if (!found) throw notFound();
    const order = found.active ? orderRules(rows.filter((r) => r.active)).indexOf(found) + 1 : null;
    return { ...found, specificity: specificity(found), order };
  }

  async create(input: Omit<RoutingRuleDraft, 'active'> & { active?: boolean }): Promise<RoutingRuleView> {
    const draft: RoutingRuleDraft = { ...input, active: input.active ?? true };
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const refs = await this.assertValid(manager, draft);
        const [row]: { id: string }[] = await manager.query(
          `INSERT INTO routing_rules (code, position, description, type_code, topic_id, province_code, district_code, keywords, agency_id, active)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [draft.code, ...columnValues(draft, refs)],
        );
        return row.id;
      });
    } catch (error) {
      throw conflictFrom(error, draft.code);
    }
    return this.get(id);
  }

  /** PATCH semantics: fields left out keep their value; null clears a criterion. */
  async update(id: string, patch: RoutingRulePatch): Promise<RoutingRuleView> {
    if (!isUuid(id)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      const rows: RuleRow[] = await manager.query(`${SELECT_RULES} WHERE r.id = $1 FOR NO KEY UPDATE OF r`, [id]);
      if (!rows[0]) throw notFound();
      const { id: _id, agencyId: _agency, topicId: _topic, createdAt: _created, ...current } = rows[0];
      const changed = definedOnly(patch);
      // null clears a criterion; for the keywords and the description that is the empty list and text.
      const draft: RoutingRuleDraft = {
        ...current,
        ...changed,
        keywords: changed.keywords ?? current.keywords,
        description: changed.description ?? current.description,
        code: current.code,
      };
      const refs = await this.assertValid(manager, draft);
      await manager.query(
        `UPDATE routing_rules SET position = $2, description = $3, type_code = $4, topic_id = $5, province_code = $6, district_code = $7,
           keywords = $8, agency_id = $9, active = $10 WHERE id = $1`,
        [id, ...columnValues(draft, refs)],
      );
      return this.read(manager, id);
    });
  }

  /** Applications the rule routed keep their agency; their history still names the rule that sent them. */
  async remove(id: string): Promise<void> {
    if (!isUuid(id)) throw notFound();
    for (let attempt = 1; ; attempt++) {
      try {
        const deleted = await this.dataSource.transaction(async (manager) => {
          // Application rows before the rule row, the order the workers take them: left to the FK cascade, the delete
          // would hold the rule while a worker holding an application waits to key-share that rule.
          await manager.query('UPDATE applications SET routing_rule_id = NULL WHERE routing_rule_id = $1', [id]);
          const gone: unknown[] = await manager.query('WITH gone AS (DELETE FROM routing_rules WHERE id = $1 RETURNING id) SELECT id FROM gone', [id]);
          return gone.length > 0;
        });
        if (!deleted) throw notFound();
        return;
      } catch (error) {
        if (!isTransientConflict(error) || attempt >= REMOVE_ATTEMPTS) throw error;
      }
    }
  }

  /** Where an application like this would go now, and why: the router's decision over the active rules as stored. */
  async preview(input: RoutingPreviewInput): Promise<RoutingPreview> {
    const [rows, refs, triageId] = await Promise.all([
      this.dataSource.query(`${SELECT_RULES} WHERE r.active`) as Promise<RuleRow[]>,
      this.references(this.dataSource.manager, {
        typeCode: input.type,
        topicCode: input.topicCode,
        provinceCode: input.provinceCode,
        districtCode: input.districtCode,
      }),
      this.directory.triageAgencyId(),
    ]);
    // Naming the topic reloads a cache filled before an admin created it, as the router does.
    const topics = await this.catalogue.topicsById(refs.topicId);
    const problems = refs.problems.map((p) => (p.field === 'typeCode' ? { ...p, field: 'type' } : p));
    if (!input.type) problems.unshift({ field: 'type', code: 'required' });
    if (problems.length) throw new InvalidInputError(problems);
    const ordered = orderRules(rows);
    // As intake stores it: a district implies its province, so rules by province still match.
    const provinceCode = input.provinceCode || refs.districtParent;
    const app = {
      type: input.type,
      topicId: refs.topicId,
      provinceCode,
      districtCode: input.districtCode || null,
      subject: input.subject,
      body: input.body,
      language: input.language,
    };
    const decision = decideRouting(ordered, app, triageId, topics);
    const [agency]: { code: string }[] = await this.dataSource.query('SELECT code FROM agencies WHERE id = $1', [decision.agencyId]);
    const rule = decision.rule && { ...decision.rule, specificity: specificity(decision.rule), order: ordered.indexOf(decision.rule) + 1 };
    return { agencyId: decision.agencyId, agencyCode: agency.code, reason: decision.reason, rule };
  }

  private async assertValid(manager: EntityManager, draft: RoutingRuleDraft): Promise<References> {
    const problems = routingRuleDraftProblems(draft);
    if (problems.length) throw new InvalidInputError(problems);
    const refs = await this.references(manager, draft);
    if (!refs.agencyId) refs.problems.push({ field: 'agencyCode', code: 'unknown_agency' });
    else if (draft.active && !refs.agencyActive) refs.problems.push({ field: 'agencyCode', code: 'unknown_agency' });
    if (refs.problems.length) throw new InvalidInputError(refs.problems);
    return refs;
  }

  /** Resolves the codes a rule or a preview names, one problem per code that names nothing (or the wrong kind of region). */
  private async references(
    manager: EntityManager,
    codes: Pick<RoutingRuleDraft, 'typeCode' | 'topicCode' | 'provinceCode' | 'districtCode'> & { agencyCode?: string },
  ): Promise<References> {
    const [found]: { type: boolean; topicId: string | null; provinceKind: string | null; districtKind: string | null; districtParent: string | null }[] =
      await manager.query(
        `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM application_types WHERE code = $1)) AS type,
                (SELECT id FROM topics WHERE code = $2) AS "topicId",
                (SELECT kind FROM regions WHERE code = $3) AS "provinceKind",
                (SELECT kind FROM regions WHERE code = $4) AS "districtKind",
                (SELECT parent_code FROM regions WHERE code = $4) AS "districtParent"`,
        [codes.typeCode || null, codes.topicCode || null, codes.provinceCode || null, codes.districtCode || null],
      );
    // Share-locked until the rule is written: a deactivation of the target agency, which checks that no active rule
    // names it, waits for this transaction instead of passing beside it.
    const [agency]: { id: string; active: boolean }[] = codes.agencyCode
      ? await manager.query('SELECT id, active FROM agencies WHERE code = $1 FOR SHARE', [codes.agencyCode])
      : [];
    const problems: FieldProblem[] = [];
    if (!found.type) problems.push({ field: 'typeCode', code: 'unknown_type' });
    if (codes.topicCode && !found.topicId) problems.push({ field: 'topicCode', code: 'unknown_topic' });
    if (codes.provinceCode && found.provinceKind !== 'province') problems.push({ field: 'provinceCode', code: 'unknown_province' });
    if (codes.districtCode && found.districtKind !== 'district') {
      problems.push({ field: 'districtCode', code: 'unknown_district' });
    } else if (codes.districtCode && codes.provinceCode && found.districtParent !== codes.provinceCode) {
      problems.push({ field: 'districtCode', code: 'not_in_province' });
    }
    return { problems, topicId: found.topicId, districtParent: found.districtParent, agencyId: agency?.id ?? null, agencyActive: agency?.active === true };
  }
}

interface References {
  problems: FieldProblem[];
  topicId: string | null;
  districtParent: string | null;
  agencyId: string | null;
  agencyActive: boolean;
}

/** The columns both insert and update write, from position to active. */
function columnValues(d: RoutingRuleDraft, refs: References): unknown[] {
  return [
    d.position,
    d.description.trim(),
    d.typeCode || null,
    refs.topicId,
    d.provinceCode || null,
    d.districtCode || null,
    d.keywords.length ? d.keywords.map((k) => k.normalize('NFC')) : null,
    refs.agencyId,
    d.active,
  ];
}

function conflictFrom(error: unknown, code: string): unknown {
  return isUniqueViolation(error, CODE_KEY) ? codeTaken(code) : error;
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('ROUTING_RULE_CODE_TAKEN', { args: { code } });
}

function notFound(): NotFoundError {
  return new NotFoundError('ROUTING_RULE_NOT_FOUND');
}
