import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCY_ADMIN_COLUMNS, AgencyAdminView } from './agency-admin.service';
import { LocalisedNames } from './agency.entity';

/** An agency in a list of siblings, with how many agencies sit directly under it. */
export interface AgencyLevelEntry extends AgencyAdminView {
  childCount: number;
}

/** Most siblings or search results one page lists. */
export const AGENCY_LIST_LIMIT = 500;

/**
 * Up to this many agencies, pages offer every agency in a menu and the directory page lists the whole tree. A
 * national directory (tens of thousands of units) would make those pages megabytes long: agencies are then typed
 * by code, and the directory is browsed a level at a time.
 */
export const AGENCY_MENU_LIMIT = 500;

const FITS_REUSE_MS = 5_000;

const REACH = `($2::uuid IS NULL OR a.id IN (SELECT id FROM agency_subtree($2::uuid)))`;

/**
 * A national directory (tens of thousands of units) browsed one level at a time, and searched by code or name,
 * instead of loaded whole: what the directory page shows once the tree is too large to list.
 */
@Injectable()
export class AgencyBrowser {
  /** The whole directory's answer, shared for a few seconds: every admin page asks, some twice per request. */
  private wholeFits?: { at: number; fits: Promise<boolean> };

  constructor(private readonly dataSource: DataSource) {}

  /** How many agencies there are, or under `reachId` (itself included). */
  async count(reachId?: string): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM agencies a WHERE ($1::uuid IS NULL OR a.id IN (SELECT id FROM agency_subtree($1::uuid)))`,
      [reachId ?? null],
    );
    return row.n;
  }

  /**
   * Whether every agency (under `reachId`) fits in a menu; see AGENCY_MENU_LIMIT. For the whole directory the answer
   * is reused for FITS_REUSE_MS: a directory crossing the limit switches its pages over a few seconds late.
   */
  fitInAMenu(reachId?: string): Promise<boolean> {
    const fits = () => this.count(reachId).then((n) => n <= AGENCY_MENU_LIMIT);
    if (reachId) return fits();
    const now = Date.now();
    if (!this.wholeFits || now - this.wholeFits.at > FITS_REUSE_MS) {
      const answer = fits();
      this.wholeFits = { at: now, fits: answer };
      // A failed count is not reused.
      answer.catch(() => (this.wholeFits = undefined));
    }
    return this.wholeFits.fits;
  }

  /** The names of these agencies by code, for pages that name a few agencies without offering them all. */
  async namesByCode(codes: string[]): Promise<Map<string, LocalisedNames>> {
    const rows: { code: string; names: LocalisedNames }[] = await this.dataSource.query('SELECT code, names FROM agencies WHERE code = ANY($1::text[])', [
      codes,
    ]);
    return new Map(rows.map((r) => [r.code, r.names]));
  }

  /** The names of these agencies by id. */
  async namesById(ids: string[]): Promise<Map<string, LocalisedNames>> {
    const rows: { id: string; names: LocalisedNames }[] = await this.dataSource.query('SELECT id, names FROM agencies WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.names]));
  }

  /**
   * The agencies directly under `parentCode`, by code, each with its number of children; without a parent, the top of
   * the reach (the reach's own agency, or every agency without a parent). At most AGENCY_LIST_LIMIT.
   */
  async children(parentCode: string | null, reachId?: string): Promise<AgencyLevelEntry[]> {
    const level = parentCode !== null ? 'p.code = $1' : `$1::text IS NULL AND ${reachId ? 'a.id = $2::uuid' : 'a.parent_id IS NULL'}`;
    return this.dataSource.query(
      `SELECT ${AGENCY_ADMIN_COLUMNS}, (SELECT count(*) FROM agencies c WHERE c.parent_id = a.id)::int AS "childCount"
       FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
       WHERE ${level} AND ${REACH} ORDER BY a.code LIMIT ${AGENCY_LIST_LIMIT}`,
      [parentCode, reachId ?? null],
    );
  }

  /** From the top of the reach down to `code`, for a breadcrumb; empty when `code` is unknown or out of reach. */
  async path(code: string, reachId?: string): Promise<AgencyAdminView[]> {
    const rows: (AgencyAdminView & { inReach: boolean })[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT a.id, a.parent_id, 0 AS depth FROM agencies a WHERE a.code = $1
         UNION ALL
         SELECT a.id, a.parent_id, up.depth + 1 FROM agencies a JOIN up ON a.id = up.parent_id WHERE up.depth < 1000
       )
       SELECT ${AGENCY_ADMIN_COLUMNS}, ${REACH} AS "inReach"
       FROM up JOIN agencies a ON a.id = up.id LEFT JOIN agencies p ON p.id = a.parent_id
       ORDER BY up.depth DESC`,
      [code, reachId ?? null],
    );
    const top = rows.findIndex((r) => r.inReach);
    return top < 0 ? [] : rows.slice(top).map(({ inReach: _, ...agency }) => agency);
  }

  /** Agencies whose code or a name contains `text` (any case), within the reach, by code; at most AGENCY_LIST_LIMIT. */
  async search(text: string, reachId?: string): Promise<AgencyLevelEntry[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `SELECT ${AGENCY_ADMIN_COLUMNS}, (SELECT count(*) FROM agencies c WHERE c.parent_id = a.id)::int AS "childCount"
       FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
       WHERE (a.code ILIKE $1 OR EXISTS (SELECT 1 FROM jsonb_each_text(a.names) n WHERE n.value ILIKE $1)) AND ${REACH}
       ORDER BY a.code LIMIT ${AGENCY_LIST_LIMIT}`,
      [pattern, reachId ?? null],
    );
  }
}
