import request from 'supertest';
import { routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';

/**
 * Every staff endpoint against every role, including staff of other agencies trying ids that
 * are not theirs. Application actions carry a stale version, so a caller who is let through
 * gets 409 STALE_VERSION and nothing changes; a caller who is not gets 401, 403 or 404.
 */
type Who = 'anonymous' | 'agent' | 'officer' | 'otherOfficer' | 'supervisor' | 'otherSupervisor' | 'admin';
type Outcome = 401 | 403 | 404 | 'through';

describe('who may do what: the role matrix', () => {
  let stack: TestStack;
  const staff = {} as Record<Exclude<Who, 'anonymous'>, TestStaff>;
  let applicationId: string;
  let originalId: string;
  let askiId: string;
  let iskiId: string;
  let leaverId: string;

  beforeAll(async () => {
    stack = await startStack();
    const api = stack.apiUrl;
    staff.agent = await staffUser(stack.db, api, 'CENTER', ['agent']);
    staff.officer = await staffUser(stack.db, api, 'ISKI-KDK', ['officer']);
    staff.otherOfficer = await staffUser(stack.db, api, 'ASKI', ['officer']);
    staff.supervisor = await staffUser(stack.db, api, 'ISKI', ['supervisor']);
    staff.otherSupervisor = await staffUser(stack.db, api, 'ASKI', ['supervisor']);
    staff.admin = await staffUser(stack.db, api, 'CENTER', ['center_admin']);
    leaverId = (await staffUser(stack.db, api, 'ISKI-KDK', ['officer'], { signIn: false })).id;
    const submitted = [];
    for (let i = 0; i < 2; i++) submitted.push((await request(api).post('/api/v1/applications').send(validApplication()).expect(201)).body);
    for (const s of submitted) expect(await routedAgencyCode(stack.db, s.trackingNumber)).toBe('ISKI-KDK');
    const ids = await stack.db.query('SELECT id FROM applications WHERE tracking_number = ANY($1) ORDER BY created_at', [
      submitted.map((s) => s.trackingNumber.replace(/-/g, '')),
    ]);
    [originalId, applicationId] = ids.rows.map((r) => r.id);
    askiId = await agencyId(stack.db, 'ASKI');
    iskiId = await agencyId(stack.db, 'ISKI');
  });
  afterAll(() => stack?.stop());

  const STALE = 9999;
  const everyone: Who[] = ['anonymous', 'agent', 'officer', 'otherOfficer', 'supervisor', 'otherSupervisor', 'admin'];

  interface Endpoint {
    name: string;
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    path: () => string;
    body?: () => object;
    expect: Record<Exclude<Who, 'anonymous'>, Outcome>;
  }

  const onApplication = (action: string, body: () => object, expect: Endpoint['expect']): Endpoint => ({
    name: `POST …/applications/:id/${action}`,
    method: 'post',
    path: () => `/api/v1/staff/applications/${applicationId}/${action}`,
    body: () => ({ version: STALE, ...body() }),
    expect,
  });

  // Officers and supervisors of the holding agency (and its parent) get through; staff of other agencies see nothing.
  const caseworkers = { agent: 403, officer: 'through', otherOfficer: 404, supervisor: 'through', otherSupervisor: 404 } as const;

  const endpoints: Endpoint[] = [
    {
      name: 'GET /staff/me',
      method: 'get',
      path: () => '/api/v1/staff/me',
      expect: { agent: 'through', officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'GET /staff/applications',
      method: 'get',
      path: () => '/api/v1/staff/applications',
      expect: { agent: 'through', officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'GET /staff/applications/:id',
      method: 'get',
      path: () => `/api/v1/staff/applications/${applicationId}`,
      expect: { agent: 404, officer: 'through', otherOfficer: 404, supervisor: 'through', otherSupervisor: 404, admin: 'through' },
    },
    onApplication('claim', () => ({}), { ...caseworkers, admin: 403 }),
    onApplication('assign', () => ({ officerId: staff.officer.id }), { ...caseworkers, admin: 'through' }),
    onApplication('start', () => ({}), { ...caseworkers, admin: 403 }),
    onApplication('notes', () => ({ text: 'checked the meter' }), { ...caseworkers, admin: 'through' }),
    onApplication('information-requests', () => ({ question: 'Which building?' }), { ...caseworkers, admin: 403 }),
    onApplication('answers', () => ({ text: 'Repaired.' }), { ...caseworkers, admin: 403 }),
    onApplication('transfers', () => ({ toAgencyId: askiId, reasonCode: 'misrouted' }), { ...caseworkers, admin: 'through' }),
    onApplication('rejections', () => ({ reasonCode: 'no_clear_subject', text: 'Please say what happened.' }), { ...caseworkers, admin: 'through' }),
    onApplication('duplicate-of', () => ({ originalId }), { ...caseworkers, admin: 'through' }),
    onApplication('close', () => ({}), { ...caseworkers, admin: 'through' }),
    onApplication('deadlines/answer/extension', () => ({ reason: 'Another unit must be consulted.' }), { ...caseworkers, admin: 'through' }),
    onApplication('deadlines/information', () => ({}), { ...caseworkers, admin: 'through' }),
    onApplication('interim-answers', () => ({ text: 'We asked the district office.' }), { ...caseworkers, admin: 403 }),
    {
      name: 'POST /staff/applications (call-center intake)',
      method: 'post',
      path: () => '/api/v1/staff/applications',
      body: () => ({ type: 'x' }),
      expect: { agent: 'through', officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 403 },
    },
    {
      name: 'GET /staff/callers/:phone/applications',
      method: 'get',
      path: () => '/api/v1/staff/callers/05321234567/applications',
      expect: { agent: 'through', officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'POST /staff/users',
      method: 'post',
      path: () => '/api/v1/staff/users',
      body: () => ({ email: 'bad' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/users',
      method: 'get',
      path: () => '/api/v1/staff/users',
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'POST /staff/users/:id/disable',
      method: 'post',
      path: () => `/api/v1/staff/users/${leaverId}/disable`,
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'POST /staff/users/:id/unlock',
      method: 'post',
      path: () => `/api/v1/staff/users/${leaverId}/unlock`,
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'PUT /staff/users/:id/duty (an ISKI-KDK officer)',
      method: 'put',
      path: () => `/api/v1/staff/users/${staff.officer.id}/duty`,
      body: () => ({ onDuty: true }),
      expect: { agent: 403, officer: 'through', otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/reason-codes',
      method: 'get',
      path: () => '/api/v1/staff/reason-codes?kind=rejection',
      expect: { agent: 'through', officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'PUT /staff/reason-codes/:kind/:code',
      method: 'put',
      path: () => '/api/v1/staff/reason-codes/rejection/x',
      body: () => ({}),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/canned-responses',
      method: 'get',
      path: () => '/api/v1/staff/canned-responses',
      expect: { agent: 403, officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'POST /staff/canned-responses',
      method: 'post',
      path: () => '/api/v1/staff/canned-responses',
      body: () => ({}),
      expect: { agent: 403, officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'GET /staff/agencies/ISKI/assignment',
      method: 'get',
      path: () => `/api/v1/staff/agencies/${iskiId}/assignment`,
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 'through', otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/sla-policies',
      method: 'get',
      path: () => '/api/v1/staff/sla-policies',
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'PATCH /staff/sla-policies/:code',
      method: 'patch',
      path: () => '/api/v1/staff/sla-policies/TR-3071-COMPLAINT',
      body: () => ({ amount: 0 }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/applications?escalated=center (the supervision queue)',
      method: 'get',
      path: () => '/api/v1/staff/applications?escalated=center&due=overdue',
      expect: { agent: 'through', officer: 'through', otherOfficer: 'through', supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'PUT /staff/agencies/ISKI/assignment',
      method: 'put',
      path: () => `/api/v1/staff/agencies/${iskiId}/assignment`,
      body: () => ({ mode: 'manual' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 'through', otherSupervisor: 403, admin: 'through' },
    },
    // The directory, the topics and the routing rules: supervisors read their part, center admins change them.
    // The admins' bodies are refused for their shape, so nothing changes.
    {
      name: 'GET /staff/agencies',
      method: 'get',
      path: () => '/api/v1/staff/agencies',
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'POST /staff/agencies',
      method: 'post',
      path: () => '/api/v1/staff/agencies',
      body: () => ({ code: '' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'PATCH /staff/agencies/:code',
      method: 'patch',
      path: () => '/api/v1/staff/agencies/ISKI-KDK',
      body: () => ({ email: 'not an address' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/topics',
      method: 'get',
      path: () => '/api/v1/staff/topics',
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 'through', otherSupervisor: 'through', admin: 'through' },
    },
    {
      name: 'POST /staff/topics',
      method: 'post',
      path: () => '/api/v1/staff/topics',
      body: () => ({ code: '' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'GET /staff/routing-rules',
      method: 'get',
      path: () => '/api/v1/staff/routing-rules',
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'POST /staff/routing-rules',
      method: 'post',
      path: () => '/api/v1/staff/routing-rules',
      body: () => ({ code: '' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
    {
      name: 'POST /staff/routing-rules/preview',
      method: 'post',
      path: () => '/api/v1/staff/routing-rules/preview',
      body: () => ({ type: 'fax' }),
      expect: { agent: 403, officer: 403, otherOfficer: 403, supervisor: 403, otherSupervisor: 403, admin: 'through' },
    },
  ];

  const cases = endpoints.flatMap((e) => everyone.map((who) => [e.name, who, e] as const));

  it.each(cases)('%s as %s', async (_name, who, endpoint) => {
    let call = request(stack.apiUrl)[endpoint.method](endpoint.path());
    if (who !== 'anonymous') call = call.set('Authorization', `Bearer ${staff[who].token}`);
    const res = endpoint.body ? await call.send(endpoint.body()) : await call;
    const expected: Outcome = who === 'anonymous' ? 401 : endpoint.expect[who];
    if (expected === 'through') {
      expect([401, 403, 404]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(expected);
    }
    if (expected === 404) expect(res.body.code).toMatch(/NOT_FOUND$/);
  });

  it('changed nothing: every action was refused or stale', async () => {
    const { rows } = await stack.db.query('SELECT status, version, assigned_officer_id FROM applications WHERE id = $1', [applicationId]);
    expect(rows[0]).toEqual({ status: 'routed', version: 2, assigned_officer_id: null });
  });
});
