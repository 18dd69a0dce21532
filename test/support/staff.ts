import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { Pool } from 'pg';
import request from 'supertest';
import { DEMO_ACCESS_CODE_SECRET, Environment, SignedTokens } from '@petitio/platform';
import { PASSWORD_LINK_PURPOSE } from '@petitio/staff';

export const STAFF_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

export interface TestStaff {
  id: string;
  email: string;
  agencyId: string;
  token: string;
}

/** Creates an active staff user in an agency (by code) with the test password, and signs them in. */
export async function staffUser(
  db: Pool,
  apiUrl: string,
  agencyCode: string,
  roles: string[],
  options: { signIn?: boolean; onDuty?: boolean; name?: string } = {},
): Promise<TestStaff> {
  cachedHash ??= argon2.hash(STAFF_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  const email = `${roles.join('-')}.${agencyCode.toLowerCase()}.${randomBytes(3).toString('hex')}@test.petitio.example`;
  const { rows } = await db.query(
    `INSERT INTO staff_users (agency_id, email, display_name, roles, password_hash, status, on_duty)
     SELECT id, $2, $3, $4, $5, 'active', $6 FROM agencies WHERE code = $1 RETURNING id, agency_id`,
    [agencyCode, email, options.name ?? `${roles.join('/')} of ${agencyCode}`, roles, await cachedHash, options.onDuty ?? true],
  );
  if (!rows[0]) throw new Error(`no agency ${agencyCode}`);
  let token = '';
  if (options.signIn !== false) {
    const res = await request(apiUrl).post('/api/v1/staff/session').send({ email, password: STAFF_PASSWORD }).expect(201);
    token = res.body.token;
  }
  return { id: rows[0].id, email, agencyId: rows[0].agency_id, token };
}

export async function agencyId(db: Pool, code: string): Promise<string> {
  const { rows } = await db.query('SELECT id FROM agencies WHERE code = $1', [code]);
  return rows[0].id;
}

/**
 * An invited user and the set-password link token their email carries, signed as the renderer signs it (the
 * stack runs with the demo secret): for suites that test the page, not the mail.
 */
export async function invitedUser(
  db: Pool,
  apiUrl: string,
  adminToken: string,
  agencyCode = 'ISKI-KDK',
): Promise<{ id: string; email: string; linkToken: string }> {
  const email = `invited.${randomBytes(3).toString('hex')}@test.petitio.example`;
  const agency = await agencyId(db, agencyCode);
  const res = await request(apiUrl)
    .post('/api/v1/staff/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, displayName: 'New Officer', agencyId: agency, roles: ['officer'], language: 'en' })
    .expect(201);
  const { rows } = await db.query(`SELECT id FROM password_tokens WHERE user_id = $1`, [res.body.id]);
  const linkToken = new SignedTokens({ ACCESS_CODE_SECRET: DEMO_ACCESS_CODE_SECRET } as Environment).sign(PASSWORD_LINK_PURPOSE, rows[0].id);
  return { id: res.body.id, email, linkToken };
}
