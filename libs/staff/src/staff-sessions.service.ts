import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import {
  AttemptCounter,
  Clock,
  ENVIRONMENT,
  Environment,
  TooManyRequestsError,
  UnauthenticatedError,
  clientAddressHash,
  clientAddressHint,
} from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { StaffPrincipal, staffPrincipal } from './staff-principal';
import type { StaffRole } from './staff-role';

interface SignInRow {
  id: string;
  email: string;
  language: string;
  password_hash: string | null;
  status: string;
  locked_until: Date | null;
  client_locked_until: Date | null;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  principal: StaffPrincipal;
}

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
    private readonly attempts: AttemptCounter,
    private readonly notifications: NotificationsService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /**
   * Checks a password, from `clientAddress` (the caller's IP). Wrong passwords lock the account for that address
   * only; many from everywhere make every attempt on the account wait; many from one address on any accounts
   * make that address wait. Every path does one argon2 verify first, so timing tells no path from another.
   */
  async signIn(email: string, password: string, clientAddress: string): Promise<SignedIn> {
    const now = this.clock.now();
    const client = clientAddressHash(this.env.ACCESS_CODE_SECRET, clientAddress, 'sign-in-client');
    const clientKey = `sign-in-client:${client.toString('base64url')}`;
    const [rows, fromClient] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id, u.email, u.language, u.password_hash, u.status, u.locked_until, f.locked_until AS client_locked_until
         FROM staff_users u LEFT JOIN staff_sign_in_failures f ON f.user_id = u.id AND f.client_hash = $2
         WHERE lower(u.email) = lower($1)`,
        [email.trim(), client],
      ) as Promise<SignInRow[]>,
      this.attempts.peek(clientKey, this.env.LOGIN_CLIENT_WINDOW_SECONDS),
    ]);
    const user = rows[0];
    const valid = await this.hasher.verify(user?.password_hash ?? null, password);
    if (fromClient.count >= this.env.LOGIN_CLIENT_MAX_FAILURES) {
      throw new TooManyRequestsError(fromClient.retryAfterSeconds, 'TOO_MANY_SIGN_IN_FAILURES');
    }
    if (user?.client_locked_until && user.client_locked_until > now) {
      throw new TooManyRequestsError(secondsUntil(user.client_locked_until, now), 'ACCOUNT_LOCKED');
    }
    if (user?.locked_until && user.locked_until > now) {
      throw new TooManyRequestsError(secondsUntil(user.locked_until, now), 'ACCOUNT_BACKOFF');
    }
    if (!user || !valid) {
      await this.attempts.increment(clientKey, this.env.LOGIN_CLIENT_WINDOW_SECONDS);
      if (user) await this.recordFailure(user, client, clientAddress, now);
      throw new UnauthenticatedError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') throw new UnauthenticatedError('INVALID_CREDENTIALS');

    await this.dataSource.query('UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    await this.dataSource.query('DELETE FROM staff_sign_in_failures WHERE user_id = $1 AND client_hash = $2', [user.id, client]);
    return this.startSession(user.id);
  }

  /** A new session for a user whose identity is already proven: by a password, or by a set-password link just used. */
  async startSession(userId: string): Promise<SignedIn> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.env.STAFF_SESSION_MAX_SECONDS * 1000);
    const [session]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO staff_sessions (user_id, token_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4) RETURNING id`,
      [userId, tokenHash(token), now, expiresAt],
    );
    return { token, expiresAt, principal: await this.principal(userId, session.id) };
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
      throw new UnauthenticatedError('SESSION_EXPIRED');
    }
    if (now.getTime() - s.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1', [s.id, now]);
    }
    return staffPrincipal(s.user_id, s.id, s.agency_id, s.roles, s.agency_kind);
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE staff_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [sessionId, this.clock.now()]);
  }

  /** Ends every session of a user (on disabling, on a password change), in the caller's transaction when given one. */
  async signOutEverywhere(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE staff_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, this.clock.now()]);
  }

  /**
   * Counts a wrong password for the (account, address) pair and for the account. Past LOGIN_MAX_FAILURES the pair
   * is locked, doubling from LOGIN_LOCK_SECONDS up to a day; past LOGIN_ACCOUNT_MAX_FAILURES every attempt on the
   * account waits, doubling from LOGIN_ACCOUNT_BACKOFF_SECONDS. Each count is one statement, so failures sent in
   * parallel queue on the row lock and are all counted; the owner is emailed when the pair locks, once.
   */
  private async recordFailure(user: SignInRow, client: Buffer, clientAddress: string, now: Date): Promise<void> {
    const env = this.env;
    await this.dataSource.transaction(async (manager) => {
      const [pair]: { failures: number }[] = await manager.query(
        `INSERT INTO staff_sign_in_failures AS f (user_id, client_hash, failures, last_failed_at, locked_until)
         VALUES ($1, $2, 1, $3, CASE WHEN 1 >= $4 THEN $3::timestamptz + make_interval(secs => $5) END)
         ON CONFLICT (user_id, client_hash) DO UPDATE SET failures = f.failures + 1, last_failed_at = $3,
           locked_until = CASE WHEN f.failures + 1 >= $4
             THEN $3::timestamptz + make_interval(secs => LEAST($5 * power(2, LEAST(f.failures + 1 - $4, 30)), 86400))
             ELSE NULL END
         RETURNING failures`,
        [user.id, client, now, env.LOGIN_MAX_FAILURES, env.LOGIN_LOCK_SECONDS],
      );
      await manager.query(
        `UPDATE staff_users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $3
             THEN $2::timestamptz + make_interval(secs => LEAST($4 * power(2, LEAST(failed_logins + 1 - $3, 30)), $5))
             ELSE NULL END
         WHERE id = $1`,
        [user.id, now, env.LOGIN_ACCOUNT_MAX_FAILURES, env.LOGIN_ACCOUNT_BACKOFF_SECONDS, env.LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS],
      );
      if (pair.failures === env.LOGIN_MAX_FAILURES) {
        await this.notifications.request(manager, [
          {
            channel: 'email',
            recipient: user.email,
            template: 'staff_sign_in_locked',
            language: user.language,
            params: { failures: pair.failures, from: clientAddressHint(clientAddress), lockedAt: now.toISOString() },
            staffUserId: user.id,
          },
        ]);
      }
    });
  }

  private async principal(userId: string, sessionId: string): Promise<StaffPrincipal> {
    const [u]: { agency_id: string; roles: StaffRole[]; agency_kind: string }[] = await this.dataSource.query(
      'SELECT u.agency_id, u.roles, g.kind AS agency_kind FROM staff_users u JOIN agencies g ON g.id = u.agency_id WHERE u.id = $1',
      [userId],
    );
    return staffPrincipal(userId, sessionId, u.agency_id, u.roles, u.agency_kind);
  }
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
