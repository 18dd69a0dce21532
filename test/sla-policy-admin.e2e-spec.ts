import request from 'supertest';
import { Case, actNow, submitCase } from './support/casework';
import { stackCalendar } from './support/deadlines';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const POLICIES = '/api/v1/staff/sla-policies';
const calendar = stackCalendar;
const SEEDED = [
  'TR-3071-PETITION',
  'TR-3071-COMPLAINT',
  'TR-3071-REQUEST',
  'TR-3071-SUGGESTION',
  'TR-4982-INFORMATION-REQUEST',
  'TR-4982-INFORMATION',
  'TR-FIRST-RESPONSE',
];

interface ClockRow {
  id: string;
  policy_id: string;
  terms: { period: { amount: number; unit: string } };
  started_at: Date;
  deadline_at: Date;
  total_minutes: number;
  stopped_at: Date | null;
  deadline_version: number;
}

describe('SLA policy admin: center admins keep the deadlines, and open ones move only when asked', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let officer: TestStaff;
  let water: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    water = (await stack.db.query(`SELECT id FROM topics WHERE code = 'water'`)).rows[0].id;
  });
  afterAll(() => stack?.stop());

  const as = (staff: TestStaff) => ({
    get: (path = '') => request(stack.apiUrl).get(`${POLICIES}${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (body: object) => request(stack.apiUrl).post(POLICIES).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (code: string, body: object) => request(stack.apiUrl).patch(`${POLICIES}/${code}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (code: string) => request(stack.apiUrl).delete(`${POLICIES}/${code}`).set('Authorization', `Bearer ${staff.token}`),
  });
  const waterComplaints = (code: string, period: object) => ({
    code,
    applicationType: 'complaint',
    topicId: water,
    kind: 'answer',
    period,
    onAwaitingCitizen: 'continue',
    legalBasis: 'ISKI service charter',
  });
  const answerClock = (c: Case) =>
    waitFor(
      async () => (await stack.db.query(`SELECT * FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0] as ClockRow | undefined,
      10000,
      `the answer clock of ${c.id}`,
    );
  const clockById = async (id: string): Promise<ClockRow> => (await stack.db.query('SELECT * FROM sla_clocks WHERE id = $1', [id])).rows[0];

  it('lists the seeded Turkish policies with their legal basis, and shows one by its code', async () => {
    const res = await as(admin).get().expect(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(SEEDED));
    const one = await as(admin).get('/TR-4982-INFORMATION-REQUEST').expect(200);
    expect(one.body).toMatchObject({
      code: 'TR-4982-INFORMATION-REQUEST',
      applicationType: 'information_request',
      kind: 'answer',
      period: { amount: 15, unit: 'working_days' },
      extension: { amount: 15, unit: 'working_days' },
      requiresNoticeBeforeDeadline: true,
      onAwaitingCitizen: 'pause',
      warningShares: [0.5, 0.75, 0.9],
      active: true,
    });
    expect(one.body.legalBasis).toContain('Law 4982');
    expect((await as(admin).get('/NO-SUCH-POLICY').expect(404)).body.code).toBe('SLA_POLICY_NOT_FOUND');
  });

  it('is for center admins only: an officer gets 403 on every route', async () => {
    await as(officer).get().expect(403);
    await as(officer).get('/TR-3071-COMPLAINT').expect(403);
    await as(officer)
      .post(waterComplaints('OFFICER-TRY', { amount: 5, unit: 'calendar_days' }))
      .expect(403);
    await as(officer)
      .patch('TR-3071-COMPLAINT', { period: { amount: 5, unit: 'calendar_days' } })
      .expect(403);
    await as(officer).delete('TR-3071-COMPLAINT').expect(403);
    const seeded = await as(admin).get('/TR-3071-COMPLAINT').expect(200);
    expect(seeded.body).toMatchObject({ period: { amount: 30, unit: 'calendar_days' }, active: true });
  });

  it('gives a newly routed water complaint a topic override created by the admin, and the law again once it is deactivated', async () => {
    const created = await as(admin)
      .post(waterComplaints('ISKI-WATER-20', { amount: 20, unit: 'calendar_days' }))
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'ISKI-WATER-20',
      topicId: water,
      agencyId: null,
      onTransfer: 'keep',
      extension: null,
      warningShares: [0.5, 0.75, 0.9],
      ladder: [['assigned_officer'], ['agency_supervisors'], ['parent_agency', 'center_queue']],
      publicLateFlag: true,
      active: true,
    });

    const c = await submitCase(stack);
    const clock = await answerClock(c);
    expect(clock.policy_id).toBe(created.body.id);
    expect(clock.deadline_at.toISOString()).toBe(calendar.add(clock.started_at, { amount: 20, unit: 'calendar_days' }).toISOString());

    const gone = await as(admin).delete('ISKI-WATER-20').expect(200);
    expect(gone.body).toMatchObject({ code: 'ISKI-WATER-20', active: false });
    const later = await answerClock(await submitCase(stack));
    expect(later.policy_id).toBe((await as(admin).get('/TR-3071-COMPLAINT').expect(200)).body.id);
    // The clock started under the override keeps running on it.
    expect(await clockById(clock.id)).toMatchObject({ policy_id: created.body.id, deadline_at: clock.deadline_at, stopped_at: null });
  });

  it.each([
    ['an amount of zero', { period: { amount: 0, unit: 'calendar_days' } }, 'period.amount'],
    ['a negative amount', { period: { amount: -2, unit: 'working_days' } }, 'period.amount'],
    ['half a working day', { period: { amount: 2.5, unit: 'working_days' } }, 'period.amount'],
    ['half a calendar day', { period: { amount: 1.5, unit: 'calendar_days' } }, 'period.amount'],
    ['working hours finer than a second', { period: { amount: 1.0001, unit: 'working_hours' } }, 'period.amount'],
    ['an unknown unit', { period: { amount: 3, unit: 'fortnights' } }, 'period.unit'],
    ['an unknown kind', { kind: 'reply' }, 'kind'],
    ['an unknown waiting rule', { onAwaitingCitizen: 'sleep' }, 'onAwaitingCitizen'],
    ['an unknown transfer rule', { onTransfer: 'forget' }, 'onTransfer'],
    ['an extension without a unit', { extension: { amount: 15 } }, 'extension.unit'],
    ['an extension without an amount', { extension: { unit: 'working_days' } }, 'extension.amount'],
    ['warning shares out of order', { warningShares: [0.9, 0.5] }, 'warningShares'],
    ['a warning share of 1', { warningShares: [0.5, 1] }, 'warningShares'],
    ['an empty ladder', { ladder: [] }, 'ladder'],
    ['a ladder of seven rungs', { ladder: Array.from({ length: 7 }, () => ['center_queue']) }, 'ladder'],
    ['an empty rung', { ladder: [['assigned_officer'], []] }, 'ladder.1'],
    ['an unknown target', { ladder: [['the_mayor']] }, 'ladder.0'],
    ['a fractional re-escalation in days', { reEscalation: { amount: 0.5, unit: 'working_days' } }, 'reEscalation.amount'],
    ['a period longer than the calendar plans', { period: { amount: 3000, unit: 'working_days' } }, 'period.amount'],
    ['a re-escalation longer than the calendar plans', { reEscalation: { amount: 50000, unit: 'working_hours' } }, 'reEscalation.amount'],
    ['a wrong type for a whole object', { period: 'thirty days' }, 'period'],
    ['a field that does not exist', { priority: 'high' }, 'priority'],
    ['a NUL character in the legal basis', { legalBasis: 'Law 3071\u0000' }, 'legalBasis'],
    ['a flag that is not a boolean', { publicLateFlag: 'yes' }, 'publicLateFlag'],
    ['a blank legal basis', { legalBasis: '   ' }, 'legalBasis'],
    ['a code with spaces', { code: 'water complaints' }, 'code'],
    ['an unknown application type', { applicationType: 'parking_ticket' }, 'applicationType'],
    ['a topic that does not exist', { topicId: '00000000-0000-4000-8000-000000000001' }, 'topicId'],
    ['an agency that does not exist', { agencyId: '00000000-0000-4000-8000-000000000002' }, 'agencyId'],
  ])('refuses %s with a 400 naming the field', async (_what, change, field) => {
    const res = await as(admin)
      .post({ ...waterComplaints('BAD-INPUT', { amount: 20, unit: 'calendar_days' }), ...change })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(res.body.errors[0].message).toEqual(expect.any(String));
  });

  it('answers 400, not a server error, to a control character in the policy code of a path', async () => {
    const res = await request(stack.apiUrl).get('/api/v1/staff/sla-policies/TR%00X').set('Authorization', `Bearer ${admin.token}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
  });

  it('answers 409 to a second active policy for the same kind and scope, or a code already taken', async () => {
    const sameScope = await as(admin)
      .post({
        code: 'PETITIONS-AGAIN',
        applicationType: 'petition',
        kind: 'answer',
        period: { amount: 10, unit: 'calendar_days' },
        onAwaitingCitizen: 'continue',
        legalBasis: 'x',
      })
      .expect(409);
    expect(sameScope.body.code).toBe('SLA_POLICY_SCOPE_TAKEN');
    expect(sameScope.body.message).toContain('TR-3071-PETITION');
    const sameCode = await as(admin)
      .post({ ...waterComplaints('TR-3071-PETITION', { amount: 10, unit: 'calendar_days' }) })
      .expect(409);
    expect(sameCode.body.code).toBe('SLA_POLICY_CODE_TAKEN');
    // Bad input on a change is refused per field too, and the kind of clock a policy governs is fixed.
    expect(
      (
        await as(admin)
          .patch('TR-3071-PETITION', { warningShares: [0.8, 0.2] })
          .expect(400)
      ).body.errors.map((e: { field: string }) => e.field),
    ).toEqual(['warningShares']);
    expect((await as(admin).patch('TR-3071-PETITION', { kind: 'information' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual([
      'kind',
    ]);
  });

  describe('changing a policy with open deadlines under it', () => {
    let policyId: string;
    let early: Case;
    let earlyClock: ClockRow;
    let answered: Case;
    let answeredClock: ClockRow;
    let afterChange: Case;

    beforeAll(async () => {
      policyId = (
        await as(admin)
          .post(waterComplaints('ISKI-WATER-WORKING', { amount: 20, unit: 'working_days' }))
          .expect(201)
      ).body.id;
      early = await submitCase(stack);
      answered = await submitCase(stack);
      earlyClock = await answerClock(early);
      await answerClock(answered);
      await actNow(stack, officer, answered.id, 'claim').expect(200);
      await actNow(stack, officer, answered.id, 'answers', { text: 'Repaired this morning.' }).expect(201);
      answeredClock = await answerClock(answered);
      expect(answeredClock.stopped_at).not.toBeNull();
    });

    it('moves no open deadline without applyToOpen, while a new application gets the new period', async () => {
      const res = await as(admin)
        .patch('ISKI-WATER-WORKING', { period: { amount: 10, unit: 'working_days' } })
        .expect(200);
      expect(res.body).toMatchObject({ policy: { code: 'ISKI-WATER-WORKING', period: { amount: 10, unit: 'working_days' } }, openClocksToMove: null });

      afterChange = await submitCase(stack);
      const fresh = await answerClock(afterChange);
      expect(fresh.policy_id).toBe(policyId);
      expect(fresh.deadline_at.toISOString()).toBe(calendar.add(fresh.started_at, { amount: 10, unit: 'working_days' }).toISOString());
      const untouched = await clockById(earlyClock.id);
      expect(untouched).toEqual(earlyClock);
      expect(untouched.terms.period).toEqual({ amount: 20, unit: 'working_days' });
    });

    it('with applyToOpen moves every open clock onto the new terms keeping the share of time used, and leaves stopped ones', async () => {
      const res = await as(admin)
        .patch('ISKI-WATER-WORKING', { period: { amount: 40, unit: 'working_days' }, applyToOpen: true })
        .expect(200);
      expect(res.body).toMatchObject({ policy: { period: { amount: 40, unit: 'working_days' } }, openClocksToMove: 2 });

      const moved = await waitFor(
        async () => {
          const row = await clockById(earlyClock.id);
          return row.deadline_version === earlyClock.deadline_version + 1 && row;
        },
        15000,
        'the open clock to move',
      );
      expect(moved.terms.period).toEqual({ amount: 40, unit: 'working_days' });
      expect(moved.started_at).toEqual(earlyClock.started_at);
      const base = calendar.workingMinutesBetween(moved.started_at, calendar.add(moved.started_at, { amount: 40, unit: 'working_days' }));
      expect(moved.total_minutes).toBeCloseTo(base, 6);

      const { rows: lines } = await stack.db.query(`SELECT occurred_at, data FROM application_events WHERE application_id = $1 AND kind = 'deadline_changed'`, [
        early.id,
      ]);
      expect(lines).toHaveLength(1);
      expect(lines[0].data).toMatchObject({ kind: 'answer', reason: 'policy_changed', deadline: moved.deadline_at.toISOString() });
      // The share of the time left at the change is the same before and after it.
      const at: Date = lines[0].occurred_at;
      const shareLeftBefore = calendar.workingMinutesBetween(at, earlyClock.deadline_at) / earlyClock.total_minutes;
      const shareLeftAfter = calendar.workingMinutesBetween(at, moved.deadline_at) / moved.total_minutes;
      expect(shareLeftAfter).toBeCloseTo(shareLeftBefore, 6);

      const other = await waitFor(
        async () => {
          const row = await answerClock(afterChange);
          return row.terms.period.amount === 40 && row;
        },
        15000,
        'the second open clock to move',
      );
      expect(other.deadline_version).toBe(2);
      expect(await clockById(answeredClock.id)).toEqual(answeredClock);
    });
  });
});
