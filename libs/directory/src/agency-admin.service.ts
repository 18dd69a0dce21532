import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, FieldProblem, InvalidInputError, NotFoundError, isUniqueViolation } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind, LocalisedNames } from './agency.entity';
import { AGENCY_TREE_LOCK, agencyDraftProblems, cleanNames, contactEmailProblems, mergeNames, namesProblems, parentProblems } from './agency-rules';

/** An agency as the directory admin sees it, its parent by code. */
export interface AgencyAdminView {
  id: string;
  code: string;
  names: LocalisedNames;
  kind: AgencyKind;
  contactEmail: string | null;
  parentCode: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgencyTreeEntry extends AgencyAdminView {
  /** 0 for a root of the listed tree (a ministry, or a supervisor's own agency), 1 for its children… */
  depth: number;
}

export interface NewAgency {
  code: string;
  names: LocalisedNames;
  kind: string;
  contactEmail?: string | null;
  parentCode?: string | null;
}

/**
 * The fields to change; the others stay. A name given as empty text removes that language's name; a null
 * parent makes the agency a root. The code and the kind never change: rules, users and history refer to them.
 */
export interface AgencyPatch {
  names?: LocalisedNames;
  contactEmail?: string | null;
  parentCode?: string | null;
  active?: boolean;
}

type AgencyRow = AgencyAdminView;

/** An AgencyAdminView from `agencies a LEFT JOIN agencies p ON p.id = a.parent_id`. */
export const AGENCY_ADMIN_COLUMNS = `a.id, a.code, a.names, a.kind, a.contact_email AS "contactEmail", p.code AS "parentCode", a.active,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
/** Far deeper than any real directory; stops the walk up should a loop ever be stored. */
const MAX_DEPTH = 1000;

/**
 * Center admins keep the agency directory by hand (the CSV importer loads it in bulk). Agencies are deactivated,
 * never deleted: applications, users and history refer to them. An agency that still receives work — the triage
 * unit, a routing rule's or an active topic's target, the parent of active agencies — cannot be deactivated.
 */
@Injectable()
export class AgencyAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The tree depth-first, children by code; `reachId` limits it to that agency and everything under it. */
  async tree(reachId?: string): Promise<AgencyTreeEntry[]> {
    const rows: AgencyRow[] = await this.dataSource.query(
      `SELECT ${AGENCY_ADMIN_COLUMNS} FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
       WHERE $1::uuid IS NULL OR a.id IN (SELECT id FROM agency_subtree($1::uuid))`,
      [reachId ?? null],
    );
    return depthFirst(rows);
  }

  /** One agency, if it is within `reachId`'s subtree (when given); else the same not-found as a missing one. */
  async get(code: string, reachId?: string): Promise<AgencyAdminView> {
    const rows: AgencyRow[] = await this.dataSource.query(
      `SELECT ${AGENCY_ADMIN_COLUMNS} FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
       WHERE a.code = $1 AND ($2::uuid IS NULL OR a.id IN (SELECT id FROM agency_subtree($2::uuid)))`,
      [code, reachId ?? null],
    );
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  async create(input: NewAgency): Promise<AgencyAdminView> {
    const draft = { code: input.code, names: input.names ?? {}, kind: input.kind, contactEmail: input.contactEmail ?? null };
    const parentCode = input.parentCode ?? null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const problems = agencyDraftProblems(draft);
        if (draft.kind === 'triage' && (await manager.query(`SELECT 1 FROM agencies WHERE kind = 'triage'`)).length) {
          problems.push(triageTaken());
        }
        if (parentCode !== null) {
          const parent = await lockParent(manager, parentCode);
          if (!parent) problems.push(...parentProblems(draft.code, parentCode, null));
          else if (!parent.active) problems.push(inactiveParent(parentCode));
        }
        if (problems.length) throw new InvalidInputError(problems);
        if ((await manager.query('SELECT 1 FROM agencies WHERE code = $1', [draft.code])).length) throw codeTaken(draft.code);
        const now = this.clock.now();
        await manager.query(
          `INSERT INTO agencies (code, parent_id, kind, names, contact_email, active, created_at, updated_at)
           VALUES ($1, (SELECT id FROM agencies WHERE code = $2), $3, $4::jsonb, $5, true, $6, $6)`,
          [draft.code, parentCode, draft.kind, JSON.stringify(cleanNames(draft.names)), draft.contactEmail, now],
        );
        return this.read(manager, draft.code);
      });
    } catch (error) {
      throw fromConstraint(error, draft.code);
    }
  }

  async update(code: string, patch: AgencyPatch): Promise<AgencyAdminView> {
    return this.dataSource.transaction(async (manager) => {
      if (patch.parentCode !== undefined) await manager.query(`SELECT pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`);
      const [current]: AgencyRow[] = await manager.query(
        `SELECT ${AGENCY_ADMIN_COLUMNS} FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = $1 FOR NO KEY UPDATE OF a`,
        [code],
      );
      if (!current) throw notFound();
      const names = mergeNames(current.names, patch.names);
      const contactEmail = patch.contactEmail === undefined ? current.contactEmail : patch.contactEmail;
      const parentCode = patch.parentCode === undefined ? current.parentCode : patch.parentCode;
      const active = patch.active ?? current.active;

      // Only what the patch changes is checked: an agency imported with a name these rules refuse can still be moved or deactivated.
      const problems = [
        ...(patch.names !== undefined ? namesProblems(names, patch.names) : []),
        ...(patch.contactEmail !== undefined ? contactEmailProblems(contactEmail) : []),
      ];
      const moving = parentCode !== current.parentCode;
      const reactivating = active && !current.active;
      // The parent is locked only when it matters: a rename locking upwards could deadlock with a move locking downwards.
      const parent = parentCode !== null && (moving || reactivating) ? await lockParent(manager, parentCode) : undefined;
      if (moving && parentCode !== null) {
        problems.push(...parentProblems(code, parentCode, parent ? await this.chainUp(manager, parentCode) : null));
        if (parent && !parent.active && active) problems.push(inactiveParent(parentCode));
      }
      if (problems.length) throw new InvalidInputError(problems);
      if (reactivating && parent && !parent.active) {
        throw new ConflictError('AGENCY_PARENT_INACTIVE', { args: { parent: parentCode ?? '' } });
      }
      if (current.active && !active) await assertNothingDependsOn(manager, current);

      await manager.query(
        `UPDATE agencies SET names = $2::jsonb, contact_email = $3, parent_id = (SELECT id FROM agencies WHERE code = $4), active = $5, updated_at = $6
         WHERE id = $1`,
        [current.id, JSON.stringify(cleanNames(names)), contactEmail, parentCode, active, this.clock.now()],
      );
      return this.read(manager, code);
    });
  }

  private async read(manager: EntityManager, code: string): Promise<AgencyAdminView> {
    const [row]: AgencyRow[] = await manager.query(
      `SELECT ${AGENCY_ADMIN_COLUMNS} FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = $1`,
      [code],
    );
    return row;
  }

  /** The agency and its ancestors' codes, nearest first. */
  private async chainUp(manager: EntityManager, code: string): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, code, parent_id, 1 AS depth FROM agencies WHERE code = $1
         UNION ALL
         SELECT p.id, p.code, p.parent_id, up.depth + 1 FROM agencies p JOIN up ON p.id = up.parent_id WHERE up.depth < ${MAX_DEPTH}
       ) SELECT code FROM up ORDER BY depth`,
      [code],
    );
    return rows.map((r) => r.code);
  }
}

/** Holds the parent against a concurrent deactivation until this transaction ends. */
async function lockParent(manager: EntityManager, code: string): Promise<{ active: boolean } | undefined> {
  const rows: { active: boolean }[] = await manager.query('SELECT active FROM agencies WHERE code = $1 FOR SHARE', [code]);
  return rows[0];
}

/**
 * Whatever would still send work to the agency, read after its row is locked: a topic, rule or child added by a
 * concurrent transaction either committed first (and is seen here) or waits on that lock and then sees it inactive.
 * Routing rules live in the routing lib, which depends on this one, so they are read here by table.
 */
async function assertNothingDependsOn(manager: EntityManager, agency: AgencyRow): Promise<void> {
  if (agency.kind === 'triage') {
    throw new ConflictError('AGENCY_IS_TRIAGE');
  }
  const [found]: { children: string[]; topics: string[]; rules: string[] }[] = await manager.query(
    `SELECT ARRAY(SELECT code FROM agencies WHERE parent_id = $1 AND active ORDER BY code LIMIT 5) AS children,
            ARRAY(SELECT code FROM topics WHERE default_agency_id = $1 AND active ORDER BY code LIMIT 5) AS topics,
            ARRAY(SELECT code FROM routing_rules WHERE agency_id = $1 AND active ORDER BY code LIMIT 5) AS rules`,
    [agency.id],
  );
  if (found.children.length) {
    throw new ConflictError('AGENCY_HAS_ACTIVE_CHILDREN', { args: { agency: agency.code, codes: found.children.join(', ') } }, { codes: found.children });
  }
  if (found.topics.length) {
    throw new ConflictError('AGENCY_IS_TOPIC_DEFAULT', { args: { codes: found.topics.join(', ') } }, { codes: found.topics });
  }
  if (found.rules.length) {
    throw new ConflictError('AGENCY_IS_ROUTING_TARGET', { args: { codes: found.rules.join(', ') } }, { codes: found.rules });
  }
}

/** Each listed agency's listed children, in the order given; those whose parent is not listed under null, as roots. */
export function childrenByParent<T extends { code: string; parentCode: string | null }>(rows: readonly T[]): Map<string | null, T[]> {
  const listed = new Set(rows.map((r) => r.code));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const parent = row.parentCode && listed.has(row.parentCode) ? row.parentCode : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(row);
  }
  return children;
}

/** Parents before children, siblings by code; an agency whose parent is outside the list is a root of it. */
function depthFirst(rows: AgencyRow[]): AgencyTreeEntry[] {
  const children = childrenByParent(rows);
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out: AgencyTreeEntry[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      out.push({ ...row, depth });
      visit(row.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

function triageTaken(): FieldProblem {
  return { field: 'kind', code: 'triage_taken' };
}

function inactiveParent(code: string): FieldProblem {
  return { field: 'parentCode', code: 'inactive_parent', args: { code } };
}

function notFound(): NotFoundError {
  return new NotFoundError('AGENCY_NOT_FOUND');
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('AGENCY_CODE_TAKEN', { args: { code } });
}

/** Two admins creating the same code, or a second triage unit, at the same moment: the loser gets the same answer as if it came second. */
function fromConstraint(error: unknown, code: string): unknown {
  if (isUniqueViolation(error, 'agencies_code_key')) return codeTaken(code);
  if (isUniqueViolation(error, 'agencies_one_triage_idx')) return new InvalidInputError([triageTaken()]);
  return error;
}
