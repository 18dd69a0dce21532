import request from 'supertest';
import { act, actNow, historyKinds, publicStatus, submitCase, versionOf } from './support/casework';
import { withoutClockLines } from './support/deadlines';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

describe('casework: taking, handing out and noting applications', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let colleague: TestStaff;
  let supervisor: TestStaff;
  let agent: TestStaff;
  let otherAgencyOfficer: TestStaff;
  let centerAdmin: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    [officer, colleague, supervisor, agent, otherAgencyOfficer, centerAdmin] = await Promise.all([
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Oğuz Officer' }),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Cemile Colleague' }),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor']),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['agent']),
      staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']),
      staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']),
    ]);
  });
  afterAll(() => stack?.stop());

  const assignedOfficer = async (id: string) => (await stack.db.query('SELECT status, assigned_officer_id FROM applications WHERE id = $1', [id])).rows[0];

  describe('claim', () => {
    it('assigns a routed application to the officer who takes it, with a history line, and moves the version on', async () => {
      const c = await submitCase(stack);
      const version = await versionOf(stack, c.id);
      const res = await act(stack, officer, c.id, 'claim', { version }).expect(200);
      expect(res.body).toEqual({ id: c.id, status: 'assigned', version: version + 1, assignedOfficerId: officer.id });
      expect(await assignedOfficer(c.id)).toEqual({ status: 'assigned', assigned_officer_id: officer.id });
      const { rows } = await stack.db.query(
        `SELECT actor_type, actor_id, from_status, to_status, data FROM application_events WHERE application_id = $1 AND kind = 'assigned'`,
        [c.id],
      );
      expect(rows).toEqual([
        {
          actor_type: 'staff',
          actor_id: officer.id,
          from_status: 'routed',
          to_status: 'assigned',
          data: { fromOfficerId: null, toOfficerId: officer.id, via: 'claim' },
        },
      ]);
    });

    it('refuses to claim twice, and refuses a colleague an application already being worked, with 409', async () => {
      const c = await submitCase(stack);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      const again = await actNow(stack, officer, c.id, 'claim').expect(409);
      expect(again.body.code).toBe('ALREADY_ASSIGNED');
      const byColleague = await actNow(stack, colleague, c.id, 'claim').expect(409);
      expect(byColleague.body.code).toBe('ALREADY_ASSIGNED');
      expect(await assignedOfficer(c.id)).toEqual({ status: 'assigned', assigned_officer_id: officer.id });
    });

    it('refuses a stale version with 409 and the current version', async () => {
      const c = await submitCase(stack);
      const seen = await versionOf(stack, c.id);
      await act(stack, officer, c.id, 'notes', { version: seen, text: 'Looks like the main on Moda Caddesi.' }).expect(201);
      const res = await act(stack, colleague, c.id, 'claim', { version: seen }).expect(409);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: seen + 1 });
      expect((await assignedOfficer(c.id)).assigned_officer_id).toBeNull();
    });

    it('lets exactly one of two officers claiming at once with the same version win; the other gets 409', async () => {
      const c = await submitCase(stack);
      const version = await versionOf(stack, c.id);
      const [a, b] = await Promise.all([act(stack, officer, c.id, 'claim', { version }), act(stack, colleague, c.id, 'claim', { version })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? officer : colleague;
      const loser = a.status === 200 ? b : a;
      expect(loser.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: version + 1 });
      expect(await assignedOfficer(c.id)).toEqual({ status: 'assigned', assigned_officer_id: winner.id });
      expect((await historyKinds(stack, c.id)).filter((k) => k === 'assigned')).toHaveLength(1);
    });

    it('answers 404 to an officer of another agency, 403 to an agent, and 400 per field without a version', async () => {
      const c = await submitCase(stack);
      const version = await versionOf(stack, c.id);
      const other = await act(stack, otherAgencyOfficer, c.id, 'claim', { version }).expect(404);
      expect(other.body.code).toBe('APPLICATION_NOT_FOUND');
      expect((await act(stack, agent, c.id, 'claim', { version }).expect(403)).body.code).toBe('FORBIDDEN');
      const missing = await act(stack, officer, c.id, 'claim', {}).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
      const wrongType = await act(stack, officer, c.id, 'claim', { version: '3' }).expect(400);
      expect(wrongType.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
      await request(stack.apiUrl).post(`/api/v1/staff/applications/${c.id}/claim`).send({ version }).expect(401);
      expect(await assignedOfficer(c.id)).toEqual({ status: 'routed', assigned_officer_id: null });
    });

    it('refuses an application no longer waiting for an officer with ILLEGAL_TRANSITION', async () => {
      const c = await submitCase(stack);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      await actNow(stack, officer, c.id, 'answers', { text: 'The main was repaired on Tuesday.' }).expect(201);
      const res = await actNow(stack, colleague, c.id, 'claim').expect(409);
      expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    });
  });

  describe('assign', () => {
    it('lets a supervisor hand a routed application to an officer of its agency', async () => {
      const c = await submitCase(stack);
      const res = await actNow(stack, supervisor, c.id, 'assign', { officerId: colleague.id }).expect(200);
      expect(res.body).toMatchObject({ status: 'assigned', assignedOfficerId: colleague.id });
      const { rows } = await stack.db.query(`SELECT actor_id, data FROM application_events WHERE application_id = $1 AND kind = 'assigned'`, [c.id]);
      expect(rows).toEqual([{ actor_id: supervisor.id, data: { fromOfficerId: null, toOfficerId: colleague.id, via: 'assign' } }]);
    });

    it('on an application in progress changes only the officer, with from and to in the history', async () => {
      const c = await submitCase(stack);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      await actNow(stack, officer, c.id, 'start').expect(200);
      const res = await actNow(stack, supervisor, c.id, 'assign', { officerId: colleague.id }).expect(200);
      expect(res.body).toMatchObject({ status: 'in_progress', assignedOfficerId: colleague.id });
      const { rows } = await stack.db.query(
        `SELECT from_status, to_status, data FROM application_events WHERE application_id = $1 AND kind = 'assigned' ORDER BY id`,
        [c.id],
      );
      expect(rows[1]).toEqual({ from_status: null, to_status: null, data: { fromOfficerId: officer.id, toOfficerId: colleague.id, via: 'assign' } });
    });

    it('lets an officer hand an application to a colleague of the same agency', async () => {
      const c = await submitCase(stack);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      const res = await actNow(stack, officer, c.id, 'assign', { officerId: colleague.id }).expect(200);
      expect(res.body).toMatchObject({ status: 'assigned', assignedOfficerId: colleague.id });
    });

    it("refuses as officerId anyone but an active officer of the application's agency", async () => {
      const c = await submitCase(stack);
      const disabled = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
      await request(stack.apiUrl).post(`/api/v1/staff/users/${disabled.id}/disable`).set('Authorization', `Bearer ${centerAdmin.token}`).send({}).expect(204);
      for (const officerId of [otherAgencyOfficer.id, disabled.id, agent.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await actNow(stack, supervisor, c.id, 'assign', { officerId }).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'officerId', code: 'not_assignable' })]);
      }
      const malformed = await actNow(stack, supervisor, c.id, 'assign', { officerId: 'someone' }).expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'officerId' })]);
      expect(await assignedOfficer(c.id)).toEqual({ status: 'routed', assigned_officer_id: null });
    });

    it('answers 404 to another agency, 403 to an agent, 409 to a stale version and to an answered application', async () => {
      const c = await submitCase(stack);
      const version = await versionOf(stack, c.id);
      await act(stack, otherAgencyOfficer, c.id, 'assign', { version, officerId: otherAgencyOfficer.id }).expect(404);
      await act(stack, agent, c.id, 'assign', { version, officerId: officer.id }).expect(403);
      await act(stack, supervisor, c.id, 'assign', { version: version + 5, officerId: officer.id }).expect(409);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      await actNow(stack, officer, c.id, 'answers', { text: 'Repaired.' }).expect(201);
      const answered = await actNow(stack, supervisor, c.id, 'assign', { officerId: colleague.id }).expect(409);
      expect(answered.body.code).toBe('ILLEGAL_TRANSITION');
    });
  });

  describe('start', () => {
    it('moves an assigned application to in_progress, and refuses a routed one', async () => {
      const c = await submitCase(stack);
      const routed = await actNow(stack, officer, c.id, 'start').expect(409);
      expect(routed.body.code).toBe('ILLEGAL_TRANSITION');
      await actNow(stack, officer, c.id, 'claim').expect(200);
      const res = await actNow(stack, officer, c.id, 'start').expect(200);
      expect(res.body).toMatchObject({ status: 'in_progress', assignedOfficerId: officer.id });
      expect((await actNow(stack, officer, c.id, 'start').expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
      await actNow(stack, agent, c.id, 'start').expect(403);
    });
  });

  describe('internal notes', () => {
    it('records a note in the history for colleagues and never shows it to the citizen', async () => {
      const c = await submitCase(stack);
      await actNow(stack, officer, c.id, 'claim').expect(200);
      const secret = 'Neighbour says the valve was closed by the contractor — check before answering';
      const res = await actNow(stack, officer, c.id, 'notes', { text: `  ${secret}  ` }).expect(201);
      expect(res.body).toMatchObject({ status: 'assigned', assignedOfficerId: officer.id });
      await actNow(stack, centerAdmin, c.id, 'notes', { text: 'Center: watch this one' }).expect(201);
      const { rows } = await stack.db.query(
        `SELECT actor_id, to_status, data FROM application_events WHERE application_id = $1 AND kind = 'internal_note' ORDER BY id`,
        [c.id],
      );
      expect(rows).toEqual([
        { actor_id: officer.id, to_status: null, data: { text: secret } },
        { actor_id: centerAdmin.id, to_status: null, data: { text: 'Center: watch this one' } },
      ]);

      const status = await publicStatus(stack, c);
      const text = JSON.stringify(status);
      expect(withoutClockLines(status.history.map((h: { event: string }) => h.event))).toEqual(['received', 'routed', 'assigned']);
      expect(status.messages).toEqual([]);
      for (const hidden of ['internal_note', 'valve', 'Center: watch', officer.id, 'Oğuz Officer']) expect(text).not.toContain(hidden);
    });

    it('refuses a note without text or version (400 per field), from an agent (403), another agency (404), or on a stale version (409)', async () => {
      const c = await submitCase(stack);
      const version = await versionOf(stack, c.id);
      const missing = await act(stack, officer, c.id, 'notes', {}).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['text', 'version']);
      const blank = await act(stack, officer, c.id, 'notes', { version, text: '   ' }).expect(400);
      expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
      await act(stack, agent, c.id, 'notes', { version, text: 'x' }).expect(403);
      await act(stack, otherAgencyOfficer, c.id, 'notes', { version, text: 'x' }).expect(404);
      const stale = await act(stack, officer, c.id, 'notes', { version: version - 1, text: 'x' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: version });
      expect(await historyKinds(stack, c.id)).not.toContain('internal_note');
    });
  });
});
