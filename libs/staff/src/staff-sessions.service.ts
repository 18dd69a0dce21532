import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, ENVIRONMENT, Environment, TooManyRequestsError, UnauthenticatedError } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { StaffPrincipal } from './staff-principal';
import type { StaffRole } from './staff-role';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  principal: StaffPrincipal;
}

const CENTER_AGENCY_KINDS = new Set(['center', 'triage']);
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Staff sign-in with opaque session tokens kept (hashed) in PostgreSQL. A session ends after
 * idle time, after a maximum age, on logout, or when the user is disabled — at the next request.
 */
@Injectable()
export class StaffSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async signIn(email: string, password: string): Promise<SignedIn> {
    const now = this.clock.now();
    const rows: { id: string; password_hash: string | null; status: string; failed_logins: number; locked_until: Date | null }[] =
      await this.dataSource.query(
        'SELECT id, password_hash, status, failed_logins, locked_until FROM staff_users WHERE lower(email) = lower($1)',
        [email.trim()],
      );
    const user = rows[0];
    if (user?.locked_until && user.locked_until > now) {
      throw new TooManyRequestsError(Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000), 'ACCOUNT_LOCKED',
        'too many wrong passwords: this account is locked for a while');
    }
    const valid = await this.hasher.verify(user?.password_hash ?? null, password);
    if (!user) throw new UnauthenticatedError('INVALID_CREDENTIALS', 'wrong email or password');
    if (!valid) {
      await this.recordFailure(user.id, now);
      throw new UnauthenticatedError('INVALID_CREDENTIALS', 'wrong email or password');
    }
    if (user.status !== 'active') throw new UnauthenticatedError('INVALID_CREDENTIALS', 'wrong email or password');

    await this.dataSource.query('UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.env.STAFF_SESSION_MAX_SECONDS * 1000);
    const [session]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO staff_sessions (user_id, token_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4) RETURNING id`,
      [user.id, tokenHash(token), now, expiresAt],
    );
    return { token, expiresAt, principal: await this.principal(user.id, session.id) };
  }

  /** The principal behind a token, or UNAUTHENTICATED for a token unknown, revoked, expired or idle too long. */
  async authenticate(token: string): Promise<StaffPrincipal> {
    const now = this.clock.now();
    const rows: {
      id: string;
      user_id: string;
      expires_at: Date;
      last_seen_at: Date;
      revoked_at: Date | null;
      status: string;
      agency_id: string;
      roles: StaffRole[];
      agency_kind: string;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.expires_at, s.last_seen_at, s.revoked_at, u.status, u.agency_id, u.roles, g.kind AS agency_kind
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN agencies g ON g.id = u.agency_id
       WHERE s.token_hash = $1`,
      [tokenHash(token)],
    );
    const s = rows[0];
    const idleLimit = s ? s.last_seen_at.getTime() + this.env.STAFF_SESSION_IDLE_SECONDS * 1000 : 0;
    if (!s || s.revoked_at || s.expires_at <= now || idleLimit <= now.getTime() || s.status !== 'active') {
      throw new UnauthenticatedError('SESSION_EXPIRED', 'your session has ended; sign in again');
    }
    if (now.getTime() - s.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1', [s.id, now]);
    }
    return toPrincipal(s.user_id, s.id, s.agency_id, s.roles, s.agency_kind);
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE staff_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [sessionId, this.clock.now()]);
  }

  /** Ends every session of a user (on disabling, on a password change), in the caller's transaction when given one. */
  async signOutEverywhere(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE staff_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, this.clock.now()]);
  }

  /**
   * Each failure past the limit doubles the lock: 15 min, 30 min, 1 h… capped at a day. The count
   * is incremented in the database, so wrong passwords sent in parallel are all counted.
   */
  private async recordFailure(userId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      // One UPDATE: concurrent failures queue on the row lock and each sees the count the one before left.
      `UPDATE staff_users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $3
           THEN $2::timestamptz + make_interval(secs => LEAST($4 * power(2, failed_logins + 1 - $3), 86400))
           ELSE NULL END
       WHERE id = $1`,
      [userId, now, this.env.LOGIN_MAX_FAILURES, this.env.LOGIN_LOCK_SECONDS],
    );
  }

  private async principal(userId: string, sessionId: string): Promise<StaffPrincipal> {
    const [u]: { agency_id: string; roles: StaffRole[]; agency_kind: string }[] = await this.dataSource.query(
      'SELECT u.agency_id, u.roles, g.kind AS agency_kind FROM staff_users u JOIN agencies g ON g.id = u.agency_id WHERE u.id = $1',
      [userId],
    );
    return toPrincipal(userId, sessionId, u.agency_id, u.roles, u.agency_kind);
  }
}

function toPrincipal(userId: string, sessionId: string, agencyId: string, roles: StaffRole[], agencyKind: string): StaffPrincipal {
  return {
    userId,
    sessionId,
    agencyId,
    roles,
    center: roles.includes('center_admin') || CENTER_AGENCY_KINDS.has(agencyKind),
  };
}
