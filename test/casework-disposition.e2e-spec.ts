import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { claimAndAnswer, currentVersion, fileRouted, historyOf, outgoingTo, staffAction } from './support/casework-disposition';
import { withoutClockLines } from './support/deadlines';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';

/** The history without the SLA clock lines, which the deadlines worker writes at its own pace around each step. */
const caseHistory = async (stack: TestStack, id: string) => withoutClockLines(await historyOf(stack, id), (line) => line.kind);

const DETAIL = (id: string) => `/api/v1/staff/applications/${id}`;

describe('casework: transfers, rejections, duplicates and closing', () => {
  let stack: TestStack;
  let kadikoyOfficer: TestStaff;
  let kadikoyAgent: TestStaff;
  let askiOfficer: TestStaff;
  let izsuOfficer: TestStaff;
  let mohOfficer: TestStaff;
  let centerAdmin: TestStaff;
  const agency: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    kadikoyOfficer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    kadikoyAgent = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['agent']);
    askiOfficer = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']);
    izsuOfficer = await staffUser(stack.db, stack.apiUrl, 'IZSU', ['officer']);
    mohOfficer = await staffUser(stack.db, stack.apiUrl, 'MOH-34', ['officer']);
    centerAdmin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    for (const code of ['ISKI-KDK', 'ASKI', 'IZSU', 'MOH-34', 'TRIAGE']) agency[code] = await agencyId(stack.db, code);
    const { rows } = await stack.db.query(
      `INSERT INTO agencies (code, kind, names, active) VALUES ('OLD-OFFICE', 'other', '{"en":"Closed office"}', false) RETURNING id`,
    );
    agency['OLD-OFFICE'] = rows[0].id;
  });
  afterAll(() => stack?.stop());

  const detail = (staff: TestStaff, id: string) => request(stack.apiUrl).get(DETAIL(id)).set('Authorization', `Bearer ${staff.token}`);

  describe('transfers', () => {
    it('routes the application at the new agency, clears the officer, counts it and tells the citizen the agency in their language', async () => {
      const app = await fileRouted(stack, { language: 'tr', subject: 'Su yok', body: 'Üç gündür sokağımızda su yok.' });
      await staffAction(stack, kadikoyOfficer, app.id, 'claim', { version: await currentVersion(stack, app.id) }).expect(200);
      const version = await currentVersion(stack, app.id);

      const res = await staffAction(stack, kadikoyOfficer, app.id, 'transfers', {
        version,
        toAgencyId: agency.ASKI,
        reasonCode: 'misrouted',
        note: 'The street is in Ankara, not Kadıköy.',
      }).expect(200);

      expect(res.body).toEqual({
        id: app.id,
        status: 'routed',
        version: version + 1,
        agencyId: agency.ASKI,
        transferCount: 1,
        centerDesignation: false,
      });
      const { rows } = await stack.db.query('SELECT status, assigned_agency_id, assigned_officer_id, transfer_count FROM applications WHERE id = $1', [app.id]);
      expect(rows[0]).toEqual({ status: 'routed', assigned_agency_id: agency.ASKI, assigned_officer_id: null, transfer_count: 1 });

      const history = await caseHistory(stack, app.id);
      const arrived = history.filter((h) => h.kind === 'routed').at(-1)!;
      const transferred = history.at(-1)!;
      expect(transferred).toMatchObject({
        kind: 'transferred',
        from_status: 'assigned',
        to_status: 'routed',
        from_agency_id: agency['ISKI-KDK'],
        to_agency_id: agency.ASKI,
        actor_type: 'staff',
        actor_id: kadikoyOfficer.id,
        data: {
          fromAgencyId: agency['ISKI-KDK'],
          toAgencyId: agency.ASKI,
          reasonCode: 'misrouted',
          note: 'The street is in Ankara, not Kadıköy.',
          transferCount: 1,
        },
      });
      // Time at the agency it left: from its arrival (the routing) to the transfer.
      const expectedSeconds = (transferred.occurred_at.getTime() - arrived.occurred_at.getTime()) / 1000;
      expect(transferred.data.secondsAtAgency).toBeGreaterThan(0);
      expect(Math.abs((transferred.data.secondsAtAgency as number) - expectedSeconds)).toBeLessThan(0.01);

      const messages = await outgoingTo(stack, app.id, 'application_transferred');
      expect(messages).toEqual([
        expect.objectContaining({
          channel: 'sms',
          recipient: '+905321234567',
          language: 'tr',
          params: expect.objectContaining({ agency: 'Ankara Su ve Kanalizasyon İdaresi', trackingNumber: app.trackingNumber }),
        }),
      ]);
      const { rows: conversation } = await stack.db.query(`SELECT direction, kind, channel FROM application_messages WHERE application_id = $1`, [app.id]);
      expect(conversation).toEqual([{ direction: 'to_citizen', kind: 'transfer_notice', channel: 'sms' }]);
    });

    it('lets the receiving agency read the whole history, and the agency it left no longer', async () => {
      const app = await fileRouted(stack);
      await staffAction(stack, kadikoyOfficer, app.id, 'notes', { version: await currentVersion(stack, app.id), text: 'Checked the map.' }).expect(201);
      await staffAction(stack, kadikoyOfficer, app.id, 'transfers', {
        version: await currentVersion(stack, app.id),
        toAgencyId: agency.ASKI,
        reasonCode: 'misrouted',
      }).expect(200);

      const seen = await detail(askiOfficer, app.id).expect(200);
      const kinds = seen.body.history.map((h: { kind: string }) => h.kind);
      expect(kinds).toEqual(expect.arrayContaining(['received', 'routed', 'transferred']));
      expect(withoutClockLines(kinds).length).toBe((await caseHistory(stack, app.id)).length);
      const transfer = seen.body.history.find((h: { kind: string }) => h.kind === 'transferred');
      expect(transfer.fromAgency.id).toBe(agency['ISKI-KDK']);
      expect(transfer.toAgency.id).toBe(agency.ASKI);

      const gone = await detail(kadikoyOfficer, app.id).expect(404);
      expect(gone.body.code).toBe('APPLICATION_NOT_FOUND');
      await staffAction(stack, kadikoyOfficer, app.id, 'transfers', {
        version: await currentVersion(stack, app.id),
        toAgencyId: agency.IZSU,
        reasonCode: 'misrouted',
      }).expect(404);
    });

    it('sends the third transfer to the center, which designates the agency without it counting', async () => {
      const app = await fileRouted(stack);
      const transfer = async (staff: TestStaff, toAgencyId: string, reasonCode: string, status: number) =>
        staffAction(stack, staff, app.id, 'transfers', { version: await currentVersion(stack, app.id), toAgencyId, reasonCode }).expect(status);

      expect((await transfer(kadikoyOfficer, agency.ASKI, 'misrouted', 200)).body).toMatchObject({ agencyId: agency.ASKI, transferCount: 1 });
      expect((await transfer(askiOfficer, agency.IZSU, 'misrouted', 200)).body).toMatchObject({ agencyId: agency.IZSU, transferCount: 2 });
      const third = await transfer(izsuOfficer, agency['MOH-34'], 'partly_other_agency', 200);
      expect(third.body).toMatchObject({ status: 'routed', agencyId: agency.TRIAGE, transferCount: 3, centerDesignation: true });

      let history = await caseHistory(stack, app.id);
      expect(history.at(-1)).toMatchObject({
        kind: 'transferred',
        from_agency_id: agency.IZSU,
        to_agency_id: agency.TRIAGE,
        data: { centerDesignation: true, requestedAgencyId: agency['MOH-34'], reasonCode: 'partly_other_agency' },
      });
      // Each agency's time is on record, one line per agency left.
      const stays = history.filter((h) => h.kind === 'transferred').map((h) => [h.from_agency_id, typeof h.data.secondsAtAgency]);
      expect(stays).toEqual([
        [agency['ISKI-KDK'], 'number'],
        [agency.ASKI, 'number'],
        [agency.IZSU, 'number'],
      ]);
      const told = await outgoingTo(stack, app.id, 'application_transferred');
      expect(told.map((m) => m.params.agency)).toEqual([
        'Ankara Water and Sewerage Administration',
        'Izmir Water and Sewerage Administration',
        'Central Triage Unit',
      ]);

      // Only the center designates.
      await transfer(izsuOfficer, agency['MOH-34'], 'center_designation', 404); // IZSU no longer reaches it
      const triageOfficer = await staffUser(stack.db, stack.apiUrl, 'TRIAGE', ['officer']);
      expect((await transfer(triageOfficer, agency['MOH-34'], 'center_designation', 403)).body.code).toBe('FORBIDDEN');

      const designated = await transfer(centerAdmin, agency['MOH-34'], 'center_designation', 200);
      expect(designated.body).toMatchObject({ status: 'routed', agencyId: agency['MOH-34'], transferCount: 3, centerDesignation: false });
      history = await caseHistory(stack, app.id);
      expect(history.at(-1)).toMatchObject({
        kind: 'transferred',
        actor_id: centerAdmin.id,
        from_agency_id: agency.TRIAGE,
        to_agency_id: agency['MOH-34'],
        data: { reasonCode: 'center_designation', transferCount: 3 },
      });
      expect(history.at(-1)!.data.centerDesignation).toBeUndefined();
      expect((await detail(mohOfficer, app.id).expect(200)).body.transferCount).toBe(3);

      // The center designates only what is at the center.
      const elsewhere = await transfer(centerAdmin, agency.ASKI, 'center_designation', 400);
      expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'not_at_center' })]);
    });

    it('refuses unknown or missing reasons, the same agency, and unknown or inactive agencies, per field', async () => {
      const app = await fileRouted(stack);
      const version = await currentVersion(stack, app.id);
      const refused = async (body: Record<string, unknown>) =>
        (await staffAction(stack, kadikoyOfficer, app.id, 'transfers', { version, ...body }).expect(400)).body.errors;

      expect(await refused({ toAgencyId: agency.ASKI, reasonCode: 'not_our_responsibility' })).toEqual([
        expect.objectContaining({ field: 'reasonCode', code: 'unknown_reason' }),
      ]);
      expect(await refused({ toAgencyId: agency.ASKI, reasonCode: 'no_clear_subject' })).toEqual([
        expect.objectContaining({ field: 'reasonCode', code: 'unknown_reason' }),
      ]);
      expect(await refused({ toAgencyId: agency.ASKI })).toEqual([expect.objectContaining({ field: 'reasonCode' })]);
      expect(await refused({ reasonCode: 'misrouted' })).toEqual([expect.objectContaining({ field: 'toAgencyId' })]);
      expect(await refused({ toAgencyId: agency['ISKI-KDK'], reasonCode: 'misrouted' })).toEqual([
        expect.objectContaining({ field: 'toAgencyId', code: 'same_agency' }),
      ]);
      expect(await refused({ toAgencyId: agency['OLD-OFFICE'], reasonCode: 'misrouted' })).toEqual([
        expect.objectContaining({ field: 'toAgencyId', code: 'unknown_agency' }),
      ]);
      expect(await refused({ toAgencyId: randomUUID(), reasonCode: 'misrouted' })).toEqual([
        expect.objectContaining({ field: 'toAgencyId', code: 'unknown_agency' }),
      ]);
      const missingVersion = await staffAction(stack, kadikoyOfficer, app.id, 'transfers', { toAgencyId: agency.ASKI, reasonCode: 'misrouted' }).expect(400);
      expect(missingVersion.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
      expect(await currentVersion(stack, app.id)).toBe(version);
    });

    it('refuses a stale version, an agent, another agency and a status that cannot be transferred', async () => {
      const app = await fileRouted(stack);
      const version = await currentVersion(stack, app.id);
      const body = { toAgencyId: agency.ASKI, reasonCode: 'misrouted' };

      const stale = await staffAction(stack, kadikoyOfficer, app.id, 'transfers', { ...body, version: version - 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: version });
      expect((await staffAction(stack, kadikoyAgent, app.id, 'transfers', { ...body, version }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await staffAction(stack, izsuOfficer, app.id, 'transfers', { ...body, version }).expect(404)).body.code).toBe('APPLICATION_NOT_FOUND');

      await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { version, reasonCode: 'speculative', text: 'Nothing concrete.' }).expect(200);
      const illegal = await staffAction(stack, kadikoyOfficer, app.id, 'transfers', { ...body, version: version + 1 }).expect(409);
      expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
      expect((await caseHistory(stack, app.id)).filter((h) => h.kind === 'transferred')).toEqual([]);
    });
  });

  describe('rejections', () => {
    it('rejects on a listed ground and tells the citizen the ground in their language with the officer’s words', async () => {
      const app = await fileRouted(stack, { language: 'tr', subject: 'Şikâyet', body: 'Bir şeyler yanlış gidiyor.' });
      const version = await currentVersion(stack, app.id);
      const res = await staffAction(stack, kadikoyOfficer, app.id, 'rejections', {
        version,
        reasonCode: 'no_clear_subject',
        text: 'Başvurunuzda hangi sorunu bildirdiğiniz anlaşılamadı.',
      }).expect(200);
      expect(res.body).toEqual({ id: app.id, status: 'rejected', version: version + 1 });

      expect((await caseHistory(stack, app.id)).at(-1)).toMatchObject({
        kind: 'rejected',
        from_status: 'routed',
        to_status: 'rejected',
        data: { reasonCode: 'no_clear_subject', legalBasis: 'Law 3071 Art. 6; CIMER regulation' },
      });
      expect(await outgoingTo(stack, app.id, 'application_rejected')).toEqual([
        expect.objectContaining({
          channel: 'sms',
          recipient: '+905321234567',
          language: 'tr',
          // The ground travels in the message; the officer's words stay in the conversation on the status page.
          params: { reason: 'Konusu belli olmayan başvuru', legalBasis: 'Law 3071 Art. 6; CIMER regulation', trackingNumber: app.trackingNumber },
        }),
      ]);
      const { rows } = await stack.db.query(`SELECT direction, kind, body, author_staff_id FROM application_messages WHERE application_id = $1`, [app.id]);
      expect(rows).toEqual([
        { direction: 'to_citizen', kind: 'rejection', body: 'Başvurunuzda hangi sorunu bildirdiğiniz anlaşılamadı.', author_staff_id: kadikoyOfficer.id },
      ]);
    });

    it('refuses "not our responsibility" and any reason not in the list, and a missing reason or text, per field', async () => {
      const app = await fileRouted(stack);
      const version = await currentVersion(stack, app.id);
      const reject = (body: Record<string, unknown>) => staffAction(stack, kadikoyOfficer, app.id, 'rejections', { version, ...body });

      const notOurs = await reject({ reasonCode: 'not_our_responsibility', text: 'Not our job.' }).expect(400);
      expect(notOurs.body.errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'unknown_reason' })]);
      expect(notOurs.body.errors[0].message).toContain('no_clear_subject');
      expect((await reject({ reasonCode: 'misrouted', text: 'A transfer reason.' }).expect(400)).body.errors).toEqual([
        expect.objectContaining({ field: 'reasonCode', code: 'unknown_reason' }),
      ]);
      const missing = await reject({}).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reasonCode', 'text']);
      expect((await reject({ reasonCode: 'speculative', text: '   ' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
      expect(await currentVersion(stack, app.id)).toBe(version);
      expect(await outgoingTo(stack, app.id, 'application_rejected')).toEqual([]);
    });

    it('refuses a stale version, an agent, another agency and an application already decided', async () => {
      const app = await fileRouted(stack);
      const version = await currentVersion(stack, app.id);
      const body = { reasonCode: 'insulting', text: 'Insults are not processed.' };
      expect((await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { ...body, version: version + 5 }).expect(409)).body).toMatchObject({
        code: 'STALE_VERSION',
        currentVersion: version,
      });
      await staffAction(stack, kadikoyAgent, app.id, 'rejections', { ...body, version }).expect(403);
      await staffAction(stack, askiOfficer, app.id, 'rejections', { ...body, version }).expect(404);
      await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { ...body, version }).expect(200);
      expect((await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { ...body, version: version + 1 }).expect(409)).body.code).toBe(
        'ILLEGAL_TRANSITION',
      );
    });
  });

  describe('reason codes', () => {
    it('lists the reasons to any staff user, by kind', async () => {
      const res = await request(stack.apiUrl).get('/api/v1/staff/reason-codes?kind=transfer').set('Authorization', `Bearer ${kadikoyAgent.token}`).expect(200);
      expect(res.body.map((r: { code: string }) => r.code)).toEqual(
        expect.arrayContaining(['misrouted', 'partly_other_agency', 'employee_complaint', 'local_office', 'center_designation']),
      );
      expect(res.body.every((r: { kind: string }) => r.kind === 'transfer')).toBe(true);
      expect(res.body.find((r: { code: string }) => r.code === 'misrouted')).toEqual({
        kind: 'transfer',
        code: 'misrouted',
        names: { tr: 'Yanlış kuruma yönlendirilmiş', en: 'Sent to the wrong agency' },
        legalBasis: 'Law 3071 Art. 5',
        active: true,
      });
      await request(stack.apiUrl).get('/api/v1/staff/reason-codes?kind=other').set('Authorization', `Bearer ${kadikoyAgent.token}`).expect(400);
      await request(stack.apiUrl).get('/api/v1/staff/reason-codes').expect(401);
    });

    it('lets a center admin add and retire a ground, which rejections then accept and refuse', async () => {
      const path = '/api/v1/staff/reason-codes/rejection/anonymous_threat';
      const body = { names: { tr: 'Tehdit içeren isimsiz başvuru', en: 'Anonymous threat' }, legalBasis: 'CIMER regulation', active: true };
      await request(stack.apiUrl).put(path).set('Authorization', `Bearer ${kadikoyOfficer.token}`).send(body).expect(403);
      const bad = await request(stack.apiUrl)
        .put(path)
        .set('Authorization', `Bearer ${centerAdmin.token}`)
        .send({ names: { English: '' }, active: 'yes' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['active', 'names']);
      const saved = await request(stack.apiUrl).put(path).set('Authorization', `Bearer ${centerAdmin.token}`).send(body).expect(200);
      expect(saved.body).toEqual({ kind: 'rejection', code: 'anonymous_threat', ...body });

      const app = await fileRouted(stack);
      const version = await currentVersion(stack, app.id);
      await request(stack.apiUrl)
        .put(path)
        .set('Authorization', `Bearer ${centerAdmin.token}`)
        .send({ ...body, active: false })
        .expect(200);
      const retired = await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { version, reasonCode: 'anonymous_threat', text: 'Threat.' }).expect(400);
      expect(retired.body.errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'unknown_reason' })]);
      await request(stack.apiUrl).put(path).set('Authorization', `Bearer ${centerAdmin.token}`).send(body).expect(200);
      await staffAction(stack, kadikoyOfficer, app.id, 'rejections', { version, reasonCode: 'anonymous_threat', text: 'Threat.' }).expect(200);

      const keep = await request(stack.apiUrl)
        .put('/api/v1/staff/reason-codes/transfer/center_designation')
        .set('Authorization', `Bearer ${centerAdmin.token}`)
        .send({ names: { en: 'Designated' }, active: false })
        .expect(400);
      expect(keep.body.errors).toEqual([expect.objectContaining({ field: 'active' })]);
    });
  });

  describe('duplicates', () => {
    it('merges a duplicate into its original, and the original’s answer reaches both citizens', async () => {
      const original = await fileRouted(stack, { citizen: { name: 'First Citizen', phone: '0532 111 11 11' } });
      const duplicate = await fileRouted(stack, { citizen: { name: 'Second Citizen', phone: '0532 222 22 22' }, language: 'tr' });
      const version = await currentVersion(stack, duplicate.id);
      const originalVersion = await currentVersion(stack, original.id);

      const res = await staffAction(stack, kadikoyOfficer, duplicate.id, 'duplicate-of', { version, originalId: original.id }).expect(200);
      expect(res.body).toEqual({ id: duplicate.id, status: 'closed', version: version + 1, duplicateOfId: original.id });
      const { rows } = await stack.db.query('SELECT status, duplicate_of_id, closed_at FROM applications WHERE id = $1', [duplicate.id]);
      expect(rows[0]).toMatchObject({ status: 'closed', duplicate_of_id: original.id, closed_at: expect.any(Date) });
      expect((await caseHistory(stack, duplicate.id)).at(-1)).toMatchObject({
        kind: 'merged_as_duplicate',
        to_status: 'closed',
        data: { originalId: original.id, originalTrackingNumber: original.trackingNumber },
      });
      expect((await caseHistory(stack, original.id)).at(-1)).toMatchObject({
        kind: 'duplicate_merged',
        to_status: null,
        data: { duplicateId: duplicate.id, duplicateTrackingNumber: duplicate.trackingNumber },
      });
      expect(await currentVersion(stack, original.id)).toBe(originalVersion + 1);

      await claimAndAnswer(stack, kadikoyOfficer, original.id, 'The main was repaired on Friday; water is back.');

      const toOriginal = await outgoingTo(stack, original.id, 'application_answered');
      const toDuplicate = await outgoingTo(stack, duplicate.id, 'application_answered');
      expect(toOriginal).toEqual([
        expect.objectContaining({ recipient: '+905321111111', params: expect.objectContaining({ body: 'The main was repaired on Friday; water is back.' }) }),
      ]);
      expect(toDuplicate).toEqual([
        expect.objectContaining({
          channel: 'sms',
          recipient: '+905322222222',
          language: 'tr',
          params: expect.objectContaining({
            body: 'The main was repaired on Friday; water is back.',
            trackingNumber: duplicate.trackingNumber,
            originalTrackingNumber: original.trackingNumber,
          }),
        }),
      ]);
      expect((await caseHistory(stack, duplicate.id)).at(-1)).toMatchObject({ kind: 'answered', to_status: null, data: { viaOriginalId: original.id } });
      const { rows: after } = await stack.db.query('SELECT status, answered_at FROM applications WHERE id = $1', [duplicate.id]);
      expect(after[0]).toEqual({ status: 'closed', answered_at: expect.any(Date) });
    });

    it('gives a duplicate merged after the answer that answer at once', async () => {
      const original = await fileRouted(stack);
      await claimAndAnswer(stack, kadikoyOfficer, original.id, 'Fixed already.');
      const late = await fileRouted(stack, { citizen: { phone: '0532 333 33 33' } });
      await staffAction(stack, kadikoyOfficer, late.id, 'duplicate-of', { version: await currentVersion(stack, late.id), originalId: original.id }).expect(200);
      expect(await outgoingTo(stack, late.id, 'application_answered')).toEqual([
        expect.objectContaining({ recipient: '+905323333333', params: expect.objectContaining({ body: 'Fixed already.' }) }),
      ]);
    });

    it('refuses itself, an original out of reach, a duplicate as original, a closed original and merging twice', async () => {
      const original = await fileRouted(stack);
      const app = await fileRouted(stack);
      const elsewhere = await fileRouted(stack, { location: { provinceCode: 'TR-06' } });
      const rejected = await fileRouted(stack);
      await staffAction(stack, kadikoyOfficer, rejected.id, 'rejections', {
        version: await currentVersion(stack, rejected.id),
        reasonCode: 'speculative',
        text: 'Nothing concrete.',
      }).expect(200);
      const version = await currentVersion(stack, app.id);
      const merge = (originalId: string, staff = kadikoyOfficer, v = version) => staffAction(stack, staff, app.id, 'duplicate-of', { version: v, originalId });
      const fieldError = async (originalId: string) => (await merge(originalId).expect(400)).body.errors;

      expect(await fieldError(app.id)).toEqual([expect.objectContaining({ field: 'originalId', code: 'same_application' })]);
      expect(await fieldError(elsewhere.id)).toEqual([expect.objectContaining({ field: 'originalId', code: 'not_found' })]);
      expect(await fieldError(randomUUID())).toEqual([expect.objectContaining({ field: 'originalId', code: 'not_found' })]);
      expect(await fieldError(rejected.id)).toEqual([expect.objectContaining({ field: 'originalId', code: 'not_open' })]);
      expect((await staffAction(stack, kadikoyOfficer, app.id, 'duplicate-of', { version }).expect(400)).body.errors).toEqual([
        expect.objectContaining({ field: 'originalId' }),
      ]);
      await merge(original.id, kadikoyAgent).expect(403);
      await merge(original.id, askiOfficer).expect(404);
      expect((await merge(original.id, kadikoyOfficer, version - 1).expect(409)).body).toMatchObject({ code: 'STALE_VERSION', currentVersion: version });

      await merge(original.id).expect(200);
      expect((await merge(original.id, kadikoyOfficer, version + 1).expect(409)).body.code).toBe('ALREADY_DUPLICATE');
      const third = await fileRouted(stack);
      const intoDuplicate = await staffAction(stack, kadikoyOfficer, third.id, 'duplicate-of', {
        version: await currentVersion(stack, third.id),
        originalId: app.id,
      }).expect(400);
      expect(intoDuplicate.body.errors).toEqual([expect.objectContaining({ field: 'originalId', code: 'is_duplicate' })]);
      expect(intoDuplicate.body.errors[0].message).toContain(original.id);
    });
  });

  describe('closing', () => {
    it('closes an answered application and refuses one not answered, a stale version and an agent', async () => {
      const app = await fileRouted(stack);
      const early = await staffAction(stack, kadikoyOfficer, app.id, 'close', { version: await currentVersion(stack, app.id) }).expect(409);
      expect(early.body.code).toBe('ILLEGAL_TRANSITION');

      await claimAndAnswer(stack, kadikoyOfficer, app.id, 'Done.');
      const version = await currentVersion(stack, app.id);
      await staffAction(stack, kadikoyAgent, app.id, 'close', { version }).expect(403);
      await staffAction(stack, askiOfficer, app.id, 'close', { version }).expect(404);
      expect((await staffAction(stack, kadikoyOfficer, app.id, 'close', { version: version - 1 }).expect(409)).body.code).toBe('STALE_VERSION');
      await staffAction(stack, kadikoyOfficer, app.id, 'close', {}).expect(400);

      const res = await staffAction(stack, kadikoyOfficer, app.id, 'close', { version }).expect(200);
      expect(res.body).toEqual({ id: app.id, status: 'closed', version: version + 1 });
      const { rows } = await stack.db.query('SELECT status, closed_at FROM applications WHERE id = $1', [app.id]);
      expect(rows[0]).toEqual({ status: 'closed', closed_at: expect.any(Date) });
      expect((await caseHistory(stack, app.id)).at(-1)).toMatchObject({ kind: 'closed', from_status: 'answered', to_status: 'closed' });
      expect((await staffAction(stack, kadikoyOfficer, app.id, 'close', { version: version + 1 }).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
    });
  });
});
