import { Inject, Injectable } from '@nestjs/common';
import { deploymentLanguages } from '@petitio/i18n';
import { NotificationsService } from '@petitio/notifications';
import {
  Clock,
  ConflictError,
  ENVIRONMENT,
  Environment,
  FieldProblem,
  InvalidInputError,
  NotFoundError,
  SignedTokens,
  UnauthenticatedError,
  isUniqueViolation,
} from '@petitio/platform';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { StaffRole } from './staff-role';
import { StaffSessionsService } from './staff-sessions.service';

export interface NewStaffUser {
  email: string;
  displayName: string;
  agencyId: string;
  roles: StaffRole[];
  language?: string;
}

export interface StaffUserView {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  roles: StaffRole[];
  status: string;
  onDuty: boolean;
  language: string;
  /** Locked out after wrong passwords: from some address, or account-wide for a while. */
  locked: boolean;
}

// Whether wrong passwords keep some address, or everyone, out of the account now ($2 is the clock's now).
const LOCKED = `(u.locked_until > $2 OR EXISTS (
  SELECT 1 FROM staff_sign_in_failures f WHERE f.user_id = u.id AND f.locked_until IS NOT NULL AND f.locked_until > $2)) AS locked`;
const VIEW_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.agency_id AS "agencyId", u.roles, u.status, u.on_duty AS "onDuty", u.language, ${LOCKED}`;

/** Integration accounts act for an agency's API key (see ApiClients): they are not people to list or manage here. */
const PEOPLE = `u.status <> 'integration'`;

export const PASSWORD_MIN_LENGTH = 12;
/** Purpose of the signed token in set-password links (see SignedTokens). */
export const PASSWORD_LINK_PURPOSE = 'password-link';

/** Creating staff accounts, inviting them to set a password, and switching them off. */
@Injectable()
export class StaffUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SignedTokens,
    private readonly sessions: StaffSessionsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** Creates the account and emails a one-time link to set the password, in one transaction. */
  async invite(input: NewStaffUser, invitedBy: string): Promise<StaffUserView> {
    const agency: unknown[] = await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1 AND active', [input.agencyId]);
    if (agency.length === 0) throw new InvalidInputError([{ field: 'agencyId', code: 'unknown' }]);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [user]: { id: string }[] = await manager.query(
          `INSERT INTO staff_users (agency_id, email, display_name, roles, language) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [input.agencyId, input.email.trim().toLowerCase(), input.displayName.trim(), input.roles, input.language ?? deploymentLanguages()[0]],
        );
        const expiresAt = new Date(this.clock.now().getTime() + this.env.INVITATION_VALID_HOURS * 3600 * 1000);
        const [token]: { id: string }[] = await manager.query(
          `INSERT INTO password_tokens (user_id, purpose, expires_at) VALUES ($1, 'invitation', $2) RETURNING id`,
          [user.id, expiresAt],
        );
        await this.notifications.request(manager, [
          {
            channel: 'email',
            recipient: input.email.trim().toLowerCase(),
            template: 'staff_invitation',
            language: input.language ?? deploymentLanguages()[0],
            params: { passwordTokenId: token.id, displayName: input.displayName.trim(), invitedBy },
            staffUserId: user.id,
          },
        ]);
        return (await this.find(user.id, manager))!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'staff_users_email_key')) {
        throw new ConflictError('EMAIL_TAKEN');
      }
      throw error;
    }
  }

  /** Whether a set-password link can still be used: genuine, unused, unexpired, for an account not disabled. */
  async passwordLinkUsable(linkToken: string): Promise<boolean> {
    const tokenId = this.tokens.verify(PASSWORD_LINK_PURPOSE, linkToken);
    if (!tokenId) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM password_tokens t JOIN staff_users u ON u.id = t.user_id
       WHERE t.id = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.status <> 'disabled'`,
      [tokenId, this.clock.now()],
    );
    return rows.length > 0;
  }

  /** Sets the password from a one-time link; the link then stops working and other sessions end. The user's id. */
  async setPassword(linkToken: string, password: string): Promise<string> {
    const problems: FieldProblem[] = [];
    if (password.length < PASSWORD_MIN_LENGTH) {
      problems.push({ field: 'password', code: 'too_short', args: { min: PASSWORD_MIN_LENGTH } });
    }
    if (problems.length) throw new InvalidInputError(problems);
    const tokenId = this.tokens.verify(PASSWORD_LINK_PURPOSE, linkToken);
    const invalid = new UnauthenticatedError('INVALID_LINK');
    if (!tokenId) throw invalid;
    const hash = await this.hasher.hash(password);
    let userId = '';
    await this.dataSource.transaction(async (manager) => {
      const rows: { user_id: string }[] = await manager.query(
        // In CTEs so the driver returns rows, not [rows, count] as it does for a bare UPDATE.
        `WITH used AS (UPDATE password_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id)
         SELECT user_id FROM used`,
        [tokenId, this.clock.now()],
      );
      if (rows.length === 0) throw invalid;
      userId = rows[0].user_id;
      await manager.query('DELETE FROM staff_sign_in_failures WHERE user_id = $1', [rows[0].user_id]);
      const updated: unknown[] = await manager.query(
        `WITH activated AS (
           UPDATE staff_users SET password_hash = $2, status = 'active', failed_logins = 0, locked_until = NULL, updated_at = now()
           WHERE id = $1 AND status NOT IN ('disabled', 'integration') RETURNING id
         ) SELECT id FROM activated`,
        [rows[0].user_id, hash],
      );
      if (updated.length === 0) throw invalid;
      // In the same transaction: a new password and sessions opened with the old one never coexist.
      await this.sessions.signOutEverywhere(rows[0].user_id, manager);
    });
    return userId;
  }

  async disable(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `WITH disabled AS (UPDATE staff_users u SET status = 'disabled', updated_at = now() WHERE id = $1 AND ${PEOPLE} RETURNING id) SELECT id FROM disabled`,
        [userId],
      );
      if (rows.length === 0) throw new NotFoundError('STAFF_USER_NOT_FOUND');
      await this.sessions.signOutEverywhere(userId, manager);
    });
  }

  /** Lifts every sign-in lock of a user: each address's and the account-wide wait. */
  async unlock(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `WITH unlocked AS (UPDATE staff_users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1 RETURNING id)
         SELECT id FROM unlocked`,
        [userId],
      );
      if (rows.length === 0) throw new NotFoundError('STAFF_USER_NOT_FOUND');
      await manager.query('DELETE FROM staff_sign_in_failures WHERE user_id = $1', [userId]);
    });
  }

  async setOnDuty(userId: string, onDuty: boolean): Promise<void> {
    await this.dataSource.query('UPDATE staff_users SET on_duty = $2, updated_at = now() WHERE id = $1', [userId, onDuty]);
  }

  async find(id: string, manager = this.dataSource.manager): Promise<StaffUserView | undefined> {
    const rows: StaffUserView[] = await manager.query(`SELECT ${VIEW_COLUMNS} FROM staff_users u WHERE u.id = $1 AND ${PEOPLE}`, [id, this.clock.now()]);
    return rows[0];
  }

  list(agencyId?: string): Promise<StaffUserView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM staff_users u WHERE ($1::uuid IS NULL OR u.agency_id = $1) AND ${PEOPLE} ORDER BY u.display_name LIMIT 1000`,
      [agencyId ?? null, this.clock.now()],
    );
  }
}
