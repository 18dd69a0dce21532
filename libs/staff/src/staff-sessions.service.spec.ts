import type { NotificationsService } from '@petitio/notifications';
import { AttemptCounter, Clock, TooManyRequestsError, UnauthenticatedError, loadEnvironment } from '@petitio/platform';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { StaffSessionsService } from './staff-sessions.service';

const NOW = new Date('2026-03-02T09:30:00Z');
const LATER = new Date(NOW.getTime() + 600_000);
const env = loadEnvironment({ LOGIN_MAX_FAILURES: '3', LOGIN_CLIENT_MAX_FAILURES: '10' });

interface Setup {
  user?: Partial<{ password_hash: string | null; status: string; locked_until: Date | null; client_locked_until: Date | null }>;
  failedFromClient?: number;
}

/** The service over typed fakes: a database answering the sign-in query, a counting hasher, a fixed clock. */
function service({ user, failedFromClient = 0 }: Setup) {
  const verified: (string | null)[] = [];
  const hasher = {
    verify: async (hash: string | null, password: string) => (verified.push(hash), hash === 'hash-of-right' && password === 'right'),
  } as unknown as PasswordHasher;
  const row = user && {
    id: 'u1',
    email: 'o@example.org',
    language: 'en',
    password_hash: 'hash-of-right',
    status: 'active',
    locked_until: null,
    client_locked_until: null,
    ...user,
  };
  const manager = { query: async (sql: string) => (sql.includes('INSERT INTO staff_sign_in_failures') ? [{ failures: 1 }] : []) };
  const dataSource = {
    query: async (sql: string) =>
      sql.trim().startsWith('SELECT u.id')
        ? row
          ? [row]
          : []
        : sql.includes('RETURNING id')
          ? [{ id: 's1' }]
          : sql.includes('AS agency_kind')
            ? [{ agency_id: 'a1', roles: ['officer'], agency_kind: 'district' }]
            : [],
    transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager),
  } as unknown as DataSource;
  const attempts = {
    peek: async () => ({ count: failedFromClient, retryAfterSeconds: 120 }),
    increment: async () => ({ count: failedFromClient + 1, retryAfterSeconds: 120 }),
  } as unknown as AttemptCounter;
  const clock = { now: () => NOW } as Clock;
  const notifications = { request: async () => [] } as unknown as NotificationsService;
  return { sessions: new StaffSessionsService(dataSource, hasher, clock, attempts, notifications, env), verified };
}

describe('staff sign-in timing', () => {
  it.each<[string, Setup, string, unknown]>([
    ['an unknown address', {}, 'right', UnauthenticatedError],
    ['a wrong password', { user: {} }, 'wrong', UnauthenticatedError],
    ['an invited account without a password yet', { user: { password_hash: null, status: 'invited' } }, 'right', UnauthenticatedError],
    ['an address locked out of the account', { user: { client_locked_until: LATER } }, 'right', TooManyRequestsError],
    ['an account waiting after failures from everywhere', { user: { locked_until: LATER } }, 'right', TooManyRequestsError],
    ['an address past its limit across accounts', { user: {}, failedFromClient: 10 }, 'right', TooManyRequestsError],
    ['an unknown address from an address past its limit', { failedFromClient: 10 }, 'wrong', TooManyRequestsError],
  ])('does exactly one argon2 verify before refusing %s', async (_, setup, password, refusal) => {
    const { sessions, verified } = service(setup);
    await expect(sessions.signIn('o@example.org', password, '203.0.113.7')).rejects.toBeInstanceOf(refusal as typeof Error);
    expect(verified).toHaveLength(1);
  });

  it('does one verify, too, for the right password', async () => {
    const { sessions, verified } = service({ user: {} });
    await expect(sessions.signIn('o@example.org', 'right', '203.0.113.7')).resolves.toMatchObject({ principal: { userId: 'u1' } });
    expect(verified).toEqual(['hash-of-right']);
  });
});

describe('the password hasher', () => {
  it('verifies against a hash of its own when there is none, and never says yes to it', async () => {
    const hasher = new PasswordHasher();
    expect(await hasher.verify(null, 'no password is this password')).toBe(false);
    expect(await hasher.verify(await hasher.hash('right'), 'right')).toBe(true);
  });
});
