import { Injectable } from '@nestjs/common';
import { LocalisedNames, cleanNames, mergeNames, namesProblems } from '@petitio/directory';
import { ConflictError, FieldProblem, InvalidInputError, NotFoundError, isUniqueViolation } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from './catalogue.service';

/** A topic as the admin sees it, its default agency by code. */
export interface TopicAdminView {
  id: string;
  code: string;
  names: LocalisedNames;
  keywords: string[];
  defaultAgencyCode: string | null;
  active: boolean;
}

export interface NewTopic {
  code: string;
  names: LocalisedNames;
  defaultAgencyCode?: string | null;
  keywords?: string[];
}

/** The fields to change; the others stay. A name given as empty text removes it; a null default agency sends the topic to triage. */
export interface TopicPatch {
  names?: LocalisedNames;
  defaultAgencyCode?: string | null;
  keywords?: string[];
  active?: boolean;
}

/** Lowercase, as citizens' forms and API clients send it (`water`, `social-assistance`). */
export const TOPIC_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const MAX_KEYWORDS = 50;
const KEYWORD_PATTERN = /^[\p{L}\p{N}]{1,40}\*?$/u;

const COLUMNS = `t.id, t.code, t.names, t.keywords, g.code AS "defaultAgencyCode", t.active`;

/**
 * Center admins keep the topics citizens choose from. A topic with no default agency goes to the triage unit when
 * no routing rule claims it. Topics are deactivated, never deleted: applications refer to them; a deactivated one
 * leaves the pick lists and intake refuses it.
 */
@Injectable()
export class TopicAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  /** Active topics first, then by code. */
  list(): Promise<TopicAdminView[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM topics t LEFT JOIN agencies g ON g.id = t.default_agency_id ORDER BY t.active DESC, t.code`);
  }

  async get(code: string): Promise<TopicAdminView> {
    const [row] = await this.read(this.dataSource.manager, code);
    if (!row) throw notFound();
    return row;
  }

  async create(input: NewTopic): Promise<TopicAdminView> {
    const defaultAgencyCode = input.defaultAgencyCode ?? null;
    const keywords = input.keywords ?? [];
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const problems: FieldProblem[] = [];
        if (!TOPIC_CODE_PATTERN.test(input.code)) {
          problems.push({ field: 'code', code: 'invalid_topic_code' });
        }
        problems.push(...namesProblems(input.names), ...keywordProblems(keywords), ...(await defaultAgencyProblems(manager, defaultAgencyCode)));
        if (problems.length) throw new InvalidInputError(problems);
        if ((await manager.query('SELECT 1 FROM topics WHERE code = $1', [input.code])).length) throw codeTaken(input.code);
        await manager.query(
          `INSERT INTO topics (code, names, keywords, default_agency_id, active) VALUES ($1, $2::jsonb, $3, (SELECT id FROM agencies WHERE code = $4), true)`,
          [input.code, JSON.stringify(cleanNames(input.names)), keywords, defaultAgencyCode],
        );
        return (await this.read(manager, input.code))[0];
      });
      this.catalogue.forget();
      return created;
    } catch (error) {
      if (isUniqueViolation(error, 'topics_code_key')) throw codeTaken(input.code);
      throw error;
    }
  }

  async update(code: string, patch: TopicPatch): Promise<TopicAdminView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const [current] = await this.read(manager, code, 'FOR NO KEY UPDATE OF t');
      if (!current) throw notFound();
      const names = mergeNames(current.names, patch.names);
      const defaultAgencyCode = patch.defaultAgencyCode === undefined ? current.defaultAgencyCode : patch.defaultAgencyCode;
      const keywords = patch.keywords ?? current.keywords;
      const active = patch.active ?? current.active;
      // Only what the patch changes is checked: a topic loaded in bulk with a name these rules refuse can still be
      // deactivated. An unchanged default is checked again when the topic comes back into use: it may have been
      // deactivated while the topic was (agencies only look at active topics).
      const problems = [
        ...(patch.names !== undefined ? namesProblems(names, patch.names) : []),
        ...(patch.keywords !== undefined ? keywordProblems(keywords) : []),
      ];
      if (defaultAgencyCode !== current.defaultAgencyCode || (active && !current.active))
        problems.push(...(await defaultAgencyProblems(manager, defaultAgencyCode)));
      if (problems.length) throw new InvalidInputError(problems);
      await manager.query(
        `UPDATE topics SET names = $2::jsonb, keywords = $3, default_agency_id = (SELECT id FROM agencies WHERE code = $4), active = $5 WHERE id = $1`,
        [current.id, JSON.stringify(cleanNames(names)), keywords, defaultAgencyCode, active],
      );
      return (await this.read(manager, code))[0];
    });
    this.catalogue.forget();
    return updated;
  }

  private read(manager: EntityManager, code: string, lock = ''): Promise<TopicAdminView[]> {
    return manager.query(`SELECT ${COLUMNS} FROM topics t LEFT JOIN agencies g ON g.id = t.default_agency_id WHERE t.code = $1 ${lock}`, [code]);
  }
}

/**
 * The default agency must exist and be active. Its row is held until the transaction ends, so that an agency
 * being deactivated at the same moment either sees this topic or is seen inactive here.
 */
async function defaultAgencyProblems(manager: EntityManager, code: string | null): Promise<FieldProblem[]> {
  if (code === null) return [];
  const [agency]: { active: boolean }[] = await manager.query('SELECT active FROM agencies WHERE code = $1 FOR SHARE', [code]);
  if (!agency) return [{ field: 'defaultAgencyCode', code: 'unknown_agency' }];
  if (!agency.active) return [{ field: 'defaultAgencyCode', code: 'inactive_agency' }];
  return [];
}

/** Keywords guess a topic from free text (SMS, voice): single words, a trailing * matching any ending. */
function keywordProblems(keywords: string[]): FieldProblem[] {
  if (keywords.length > MAX_KEYWORDS) return [{ field: 'keywords', code: 'arrayMaxSize', args: { max: MAX_KEYWORDS } }];
  const bad = keywords.find((k) => !KEYWORD_PATTERN.test(k));
  if (bad !== undefined) {
    return [{ field: 'keywords', code: 'invalid_keyword' }];
  }
  return [];
}

function notFound(): NotFoundError {
  return new NotFoundError('TOPIC_NOT_FOUND');
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('TOPIC_CODE_TAKEN', { args: { code } });
}
