import { Inject, Injectable } from '@nestjs/common';
import { localise } from '@petitio/directory';
import {
  Clock,
  ConflictError,
  ENVIRONMENT,
  Environment,
  FieldProblem,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  isUniqueViolation,
  supportedLanguages,
} from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import { formatTrackingNumber } from '@petitio/applications';
import type { ChangeContext, LockedApplication } from './application-changes';
import { BUILT_IN_PLACEHOLDERS, BuiltInPlaceholder, isPlaceholderName, placeholdersIn, renderTemplate } from './canned-response-template';

export interface CannedResponseView {
  id: string;
  agencyId: string;
  code: string;
  language: string;
  title: string;
  body: string;
  /** Placeholders the body uses that Petitio does not fill: the officer gives them when answering. */
  placeholders: string[];
}

export interface CannedResponseInput {
  /** Defaults to the author's own agency. */
  agencyId?: string;
  code: string;
  language: string;
  title: string;
  body: string;
}

/** What filling a canned response needs to know of the application. */
export type DraftApplication = Pick<LockedApplication, 'assignedAgencyId' | 'trackingNumber' | 'confidential' | 'citizenName' | 'language'>;

const PLACEHOLDER_VALUE_MAX = 500;
const COLUMNS = `id, agency_id AS "agencyId", code, language, title, body`;

/**
 * Prepared answers an agency reuses, one per code and language, with placeholders filled when an
 * answer is sent. Officers and supervisors keep their own agency's; center admins anyone's.
 */
@Injectable()
export class CannedResponses {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async list(principal: StaffPrincipal, filter: { agencyId?: string; language?: string }): Promise<CannedResponseView[]> {
    const agencyId = hasRole(principal, 'center_admin') ? filter.agencyId : this.ownAgency(principal, filter.agencyId);
    const rows: Omit<CannedResponseView, 'placeholders'>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM canned_responses
       WHERE ($1::uuid IS NULL OR agency_id = $1) AND ($2::text IS NULL OR language = $2)
       ORDER BY code, language LIMIT 1000`,
      [agencyId ?? null, filter.language ?? null],
    );
    return rows.map(view);
  }

  async get(principal: StaffPrincipal, id: string): Promise<CannedResponseView> {
    const params: unknown[] = [id];
    const rows: Omit<CannedResponseView, 'placeholders'>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM canned_responses c WHERE id = $1 AND ${this.condition(principal, params)}`,
      params,
    );
    if (rows.length === 0) throw new NotFoundError('CANNED_RESPONSE_NOT_FOUND');
    return view(rows[0]);
  }

  async create(principal: StaffPrincipal, input: CannedResponseInput): Promise<CannedResponseView> {
    const agencyId = hasRole(principal, 'center_admin') ? (input.agencyId ?? principal.agencyId) : this.ownAgency(principal, input.agencyId);
    this.check(input);
    const agency: unknown[] = await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
    if (agency.length === 0) throw new InvalidInputError([{ field: 'agencyId', code: 'unknown' }]);
    const [row]: Omit<CannedResponseView, 'placeholders'>[] = await this.unique(() =>
      this.dataSource.query(`INSERT INTO canned_responses (agency_id, code, language, title, body) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`, [
        agencyId,
        input.code,
        input.language,
        input.title.trim(),
        input.body.trim(),
      ]),
    );
    return view(row);
  }

  async update(principal: StaffPrincipal, id: string, input: Omit<CannedResponseInput, 'agencyId'>): Promise<CannedResponseView> {
    this.check(input);
    const params: unknown[] = [id, input.code, input.language, input.title.trim(), input.body.trim()];
    const rows: Omit<CannedResponseView, 'placeholders'>[] = await this.unique(() =>
      this.dataSource.query(
        // In a CTE so the driver returns the rows, not [rows, count] as it does for a bare UPDATE.
        `WITH changed AS (
           UPDATE canned_responses c SET code = $2, language = $3, title = $4, body = $5
           WHERE id = $1 AND ${this.condition(principal, params)} RETURNING ${COLUMNS}
         ) SELECT * FROM changed`,
        params,
      ),
    );
    if (rows.length === 0) throw new NotFoundError('CANNED_RESPONSE_NOT_FOUND');
    return view(rows[0]);
  }

  async remove(principal: StaffPrincipal, id: string): Promise<void> {
    const params: unknown[] = [id];
    const rows: unknown[] = await this.dataSource.query(
      `WITH removed AS (DELETE FROM canned_responses c WHERE id = $1 AND ${this.condition(principal, params)} RETURNING id) SELECT id FROM removed`,
      params,
    );
    if (rows.length === 0) throw new NotFoundError('CANNED_RESPONSE_NOT_FOUND');
  }

  /**
   * The text of one of the application's agency's canned responses, filled for the application
   * inside the answering change. Refuses (400, one entry each) placeholders nobody can fill and
   * attempts to override the ones Petitio fills.
   */
  async compose(ctx: ChangeContext, principal: StaffPrincipal, cannedResponseId: string, given: Record<string, string> = {}): Promise<string> {
    const rows: { body: string }[] = await ctx.manager.query('SELECT body FROM canned_responses WHERE id = $1 AND agency_id = $2', [
      cannedResponseId,
      ctx.app.assignedAgencyId,
    ]);
    if (rows.length === 0) {
      throw new InvalidInputError([{ field: 'cannedResponseId', code: 'unknown' }]);
    }
    const problems: FieldProblem[] = [];
    for (const [name, value] of Object.entries(given)) {
      const field = `placeholders.${name}`;
      if ((BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name)) {
        problems.push({ field, code: 'reserved', args: { placeholder: `{{${name}}}` } });
      } else if (!isPlaceholderName(name)) {
        problems.push({ field, code: 'format' });
      } else if (typeof value !== 'string' || value.length > PLACEHOLDER_VALUE_MAX) {
        problems.push({ field, code: 'invalid', sentence: 'too_long', args: { max: PLACEHOLDER_VALUE_MAX } });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);
    const { text, unknown } = renderTemplate(rows[0].body, { ...given, ...(await this.builtIns(ctx.manager, ctx.app, ctx.now, principal)) });
    if (unknown.length) {
      throw new InvalidInputError(
        unknown.map((name) => ({
          field: `placeholders.${name}`,
          code: 'unknown_placeholder',
          args: { placeholder: `{{${name}}}`, builtIns: BUILT_IN_PLACEHOLDERS.join(', ') },
        })),
      );
    }
    return text;
  }

  /**
   * One of the application's agency's canned responses with the placeholders Petitio fills filled now, for the
   * officer to read and edit before sending it as their own words; the officer's own placeholders stay as written.
   */
  async draft(principal: StaffPrincipal, app: DraftApplication, cannedResponseId: string): Promise<string> {
    const rows: { body: string }[] = await this.dataSource.query('SELECT body FROM canned_responses WHERE id = $1 AND agency_id = $2', [
      cannedResponseId,
      app.assignedAgencyId,
    ]);
    if (rows.length === 0) {
      throw new InvalidInputError([{ field: 'cannedResponseId', code: 'unknown' }]);
    }
    return renderTemplate(rows[0].body, await this.builtIns(this.dataSource.manager, app, this.clock.now(), principal)).text;
  }

  private async builtIns(manager: EntityManager, app: DraftApplication, now: Date, principal: StaffPrincipal): Promise<Record<BuiltInPlaceholder, string>> {
    const [agency]: { names: Record<string, string> }[] = await manager.query('SELECT names FROM agencies WHERE id = $1', [app.assignedAgencyId]);
    return {
      trackingNumber: formatTrackingNumber(app.trackingNumber),
      // The rendered answer is kept in the conversation staff read: a confidential citizen's name stays with the center.
      citizenName: this.access.canSeeIdentity(principal, app.confidential) ? (app.citizenName ?? '') : '',
      agencyName: agency ? localise(agency.names, app.language) : '',
      date: new Intl.DateTimeFormat(app.language, { dateStyle: 'long', timeZone: this.env.CALENDAR_TIME_ZONE }).format(now),
    };
  }

  /** Officers and supervisors work with their own agency's responses only. */
  private ownAgency(principal: StaffPrincipal, asked: string | undefined): string {
    if (!hasRole(principal, 'officer', 'supervisor')) throw new ForbiddenError();
    if (asked && asked !== principal.agencyId) throw new ForbiddenError('FORBIDDEN:own_canned_responses');
    return principal.agencyId;
  }

  private condition(principal: StaffPrincipal, params: unknown[]): string {
    if (hasRole(principal, 'center_admin')) return 'TRUE';
    if (!hasRole(principal, 'officer', 'supervisor')) return 'FALSE';
    params.push(principal.agencyId);
    return `c.agency_id = $${params.length}::uuid`;
  }

  private check(input: Omit<CannedResponseInput, 'agencyId'>): void {
    const problems: FieldProblem[] = [];
    if (!supportedLanguages(this.env).includes(input.language)) {
      problems.push({ field: 'language', code: 'unsupported', args: { allowed: supportedLanguages(this.env).join(', ') } });
    }
    const malformed = placeholdersIn(input.body).filter((name) => !isPlaceholderName(name));
    if (malformed.length) {
      problems.push({
        field: 'body',
        code: 'placeholder_format',
        args: { placeholders: malformed.map((m) => `{{${m}}}`).join(', ') },
      });
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'canned_responses_key')) {
        throw new ConflictError('CANNED_RESPONSE_EXISTS');
      }
      throw error;
    }
  }
}

function view(row: Omit<CannedResponseView, 'placeholders'>): CannedResponseView {
  const builtIn = BUILT_IN_PLACEHOLDERS as readonly string[];
  return { ...row, placeholders: placeholdersIn(row.body).filter((name) => !builtIn.includes(name)) };
}
