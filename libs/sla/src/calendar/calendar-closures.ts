import { Injectable } from '@nestjs/common';
import { Clock, ForbiddenError, InvalidInputError, NotFoundError } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { DataSource } from 'typeorm';
import type { CalendarClosure } from './business-calendar';

export interface CalendarClosureView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  regionCode: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface NewCalendarClosure {
  startsAt: Date;
  endsAt: Date;
  reason: string;
  regionCode?: string | null;
}

/** Closures decreed at short notice reach every process within this long (each caches its own copy). */
export const CLOSURES_CACHE_MS = 30_000;
/** Closures that ended this long ago no longer shape deadlines; they stay in the table for the record. */
const CLOSURES_LOOKBACK_DAYS = 400;
const COLUMNS = `id, starts_at AS "startsAt", ends_at AS "endsAt", reason, region_code AS "regionCode",
  created_by AS "createdBy", created_at AS "createdAt"`;

/** Ad-hoc closures of the business calendar (a disaster, an extra leave day by decree), kept by center admins. */
@Injectable()
export class CalendarClosures {
  private cached?: { at: number; closures: CalendarClosure[] };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(): Promise<CalendarClosureView[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM calendar_closures ORDER BY starts_at DESC, id LIMIT 1000`);
  }

  async add(principal: StaffPrincipal, input: NewCalendarClosure): Promise<CalendarClosureView> {
    assertCenterAdmin(principal);
    const reason = input.reason?.trim() ?? '';
    const problems = [];
    if (!(input.endsAt.getTime() > input.startsAt.getTime())) problems.push({ field: 'endsAt', code: 'after_starts_at' });
    if (!reason) problems.push({ field: 'reason', code: 'required' });
    if (problems.length) throw new InvalidInputError(problems);
    const rows: CalendarClosureView[] = await this.dataSource.query(
      `INSERT INTO calendar_closures (starts_at, ends_at, reason, region_code, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [input.startsAt, input.endsAt, reason, input.regionCode || null, principal.userId],
    );
    this.cached = undefined;
    return rows[0];
  }

  async remove(principal: StaffPrincipal, id: string): Promise<void> {
    assertCenterAdmin(principal);
    const deleted: unknown[] = await this.dataSource.query('WITH gone AS (DELETE FROM calendar_closures WHERE id = $1 RETURNING id) SELECT id FROM gone', [id]);
    this.cached = undefined;
    if (deleted.length === 0) throw new NotFoundError('CALENDAR_CLOSURE_NOT_FOUND');
  }

  /** The closures that can still shape a deadline, from a per-process cache refreshed every ~30 s. */
  async current(): Promise<CalendarClosure[]> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < CLOSURES_CACHE_MS && now >= this.cached.at) return this.cached.closures;
    const rows: CalendarClosure[] = await this.dataSource.query(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt", region_code AS "regionCode" FROM calendar_closures
       WHERE ends_at > $1::timestamptz - make_interval(days => $2) ORDER BY starts_at`,
      [new Date(now), CLOSURES_LOOKBACK_DAYS],
    );
    this.cached = { at: now, closures: rows };
    return rows;
  }
}

function assertCenterAdmin(principal: StaffPrincipal): void {
  if (!hasRole(principal, 'center_admin')) throw new ForbiddenError('FORBIDDEN:center_admins_keep_calendar');
}
