import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, StaleVersionError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { IDENTITY_COLUMNS, IDENTITY_JOIN, IdentityVault, SealedIdentityColumns } from '@petitio/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import type { Actor } from '@petitio/applications';
import { ApplicationStatus, assertTransition } from '@petitio/applications';

/** The application row as a change sees it, locked for the duration of the change. */
export interface LockedApplication {
  id: string;
  trackingNumber: string;
  status: ApplicationStatus;
  version: number;
  type: string;
  channel: string;
  language: string;
  assignedAgencyId: string | null;
  assignedOfficerId: string | null;
  citizenPhone: string | null;
  citizenEmail: string | null;
  citizenName: string | null;
  confidential: boolean;
  transferCount: number;
  duplicateOfId: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface ChangeContext {
  manager: EntityManager;
  app: LockedApplication;
  actor: Actor;
  now: Date;
}

export interface HistoryEntry {
  kind: string;
  toStatus?: ApplicationStatus;
  toAgencyId?: string | null;
  data?: Record<string, unknown>;
}

/** Who is changing an application: a staff user (scoped), a citizen (proved by access code), or the system. */
export type ChangeAuthor = { staff: StaffPrincipal } | { citizen: true } | { system: true };

const COLUMNS = `a.id, a.tracking_number AS "trackingNumber", a.status, a.version, a.type_code AS type, a.channel, a.language,
  a.assigned_agency_id AS "assignedAgencyId", a.assigned_officer_id AS "assignedOfficerId",
  a.confidential, a.transfer_count AS "transferCount", a.duplicate_of_id AS "duplicateOfId",
  a.answered_at AS "answeredAt", a.closed_at AS "closedAt", a.created_at AS "createdAt", ${IDENTITY_COLUMNS}`;

/**
 * Every change to an application goes through here: one transaction that locks the row
 * (within the author's reach), checks the version the author saw, and lets the change
 * write history lines that move the status through the status machine.
 */
@Injectable()
export class ApplicationChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
    private readonly vault: IdentityVault,
  ) {}

  async change<T>(author: ChangeAuthor, applicationId: string, expectedVersion: number | undefined, fn: (ctx: ChangeContext) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lock(manager, author, 'a.id = $1', [applicationId]);
      if (rows.length === 0) throw new NotFoundError('APPLICATION_NOT_FOUND');
      const app = rows[0];
      if (expectedVersion !== undefined && expectedVersion !== app.version) throw new StaleVersionError(app.version);
      const actor: Actor = 'staff' in author ? { type: 'staff', id: author.staff.userId } : 'citizen' in author ? { type: 'citizen' } : { type: 'system' };
      return fn({ manager, app, actor, now: this.clock.now() });
    });
  }

  /**
   * Locks the applications `where` selects (parameters `params`), within the author's reach, as a
   * change sees them. A change uses it for its own row and for any other it touches (a merge's original).
   * NO KEY: changes never touch the id, so inserts that only reference the row (history, messages)
   * need not wait for the change to finish.
   */
  async lock(manager: EntityManager, author: ChangeAuthor, where: string, params: unknown[]): Promise<LockedApplication[]> {
    const scoped = [...params];
    const scope = 'staff' in author ? this.access.condition(author.staff, scoped, 'a', 'act') : 'TRUE';
    const rows: (Omit<LockedApplication, 'citizenPhone' | 'citizenEmail' | 'citizenName'> & SealedIdentityColumns)[] = await manager.query(
      `SELECT ${COLUMNS} FROM applications a ${IDENTITY_JOIN} WHERE (${where}) AND ${scope} ORDER BY a.id FOR NO KEY UPDATE OF a`,
      scoped,
    );
    return Promise.all(
      rows.map(async (row) => {
        const citizen = await this.vault.openRow(row);
        const { identitySealed, identityKeyId, identityKekId, identityWrappedKey, ...app } = row;
        return { ...app, citizenPhone: citizen.phone, citizenEmail: citizen.email, citizenName: citizen.name };
      }),
    );
  }

  /**
   * Appends a history line and, when it carries a new status or agency, applies it to the row
   * (refusing illegal transitions) and bumps the version. The context's row is kept current.
   */
  async record(ctx: ChangeContext, entry: HistoryEntry): Promise<void> {
    const from = ctx.app.status;
    if (entry.toStatus) assertTransition(from, entry.toStatus);
    const toAgency = entry.toAgencyId === undefined ? null : entry.toAgencyId;
    await ctx.manager.query(
      `INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, from_status, to_status, from_agency_id, to_agency_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        ctx.app.id,
        ctx.now,
        entry.kind,
        ctx.actor.type,
        ctx.actor.id ?? null,
        entry.toStatus ? from : null,
        entry.toStatus ?? null,
        entry.toAgencyId !== undefined ? ctx.app.assignedAgencyId : null,
        toAgency,
        JSON.stringify(entry.data ?? {}),
      ],
    );
    const sets: string[] = ['updated_at = $2', 'version = version + 1'];
    const values: unknown[] = [ctx.app.id, ctx.now];
    if (entry.toStatus) {
      values.push(entry.toStatus);
      sets.push(`status = $${values.length}`);
    }
    if (entry.toAgencyId !== undefined) {
      values.push(entry.toAgencyId);
      sets.push(`assigned_agency_id = $${values.length}`);
    }
    await ctx.manager.query(`UPDATE applications SET ${sets.join(', ')} WHERE id = $1`, values);
    if (entry.toStatus) ctx.app.status = entry.toStatus;
    if (entry.toAgencyId !== undefined) ctx.app.assignedAgencyId = entry.toAgencyId;
    ctx.app.version += 1;
  }

  /** Sets other columns of the locked row (assignment, rating, timestamps…) without a history line. */
  async setColumns(ctx: ChangeContext, columns: Record<string, unknown>): Promise<void> {
    const names = Object.keys(columns);
    if (names.length === 0) return;
    const sets = names.map((name, i) => `${name} = $${i + 2}`);
    await ctx.manager.query(`UPDATE applications SET ${sets.join(', ')} WHERE id = $1`, [ctx.app.id, ...names.map((n) => columns[n])]);
  }
}
