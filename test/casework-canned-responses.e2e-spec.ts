import request from 'supertest';
import { actNow, publicStatus, submitCase, versionOf } from './support/casework';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const BASE = '/api/v1/staff/canned-responses';
const REPAIR = 'Dear {{citizenName}}, about {{ trackingNumber }}: {{agencyName}} will repair the main on {{repairDate}}. {{date}}';

describe('casework: canned responses', () => {
  let stack: TestStack;
  let officer: TestStaff;
  let supervisor: TestStaff;
  let agent: TestStaff;
  let otherAgencyOfficer: TestStaff;
  let centerAdmin: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    [officer, supervisor, agent, otherAgencyOfficer, centerAdmin] = await Promise.all([
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor']),
      staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['agent']),
      staffUser(stack.db, stack.apiUrl, 'ASKI', ['officer']),
      staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']),
    ]);
  });
  afterAll(() => stack?.stop());

  const as = (staff: TestStaff) => ({
    get: (path = '') => request(stack.apiUrl).get(`${BASE}${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (body: Record<string, unknown>) => request(stack.apiUrl).post(BASE).set('Authorization', `Bearer ${staff.token}`).send(body),
    put: (id: string, body: Record<string, unknown>) => request(stack.apiUrl).put(`${BASE}/${id}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (id: string) => request(stack.apiUrl).delete(`${BASE}/${id}`).set('Authorization', `Bearer ${staff.token}`),
  });
  let codes = 0;
  const create = async (staff: TestStaff, body: string, extra: Record<string, unknown> = {}) =>
    (
      await as(staff)
        .post({ code: `reply_${++codes}`, language: 'en', title: 'Repair planned', body, ...extra })
        .expect(201)
    ).body;
  const today = () => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Istanbul' }).format(new Date());

  it("lets an officer create, list, read, edit and delete their agency's canned responses", async () => {
    const created = await as(officer).post({ code: 'repair_scheduled', language: 'en', title: 'Repair planned', body: REPAIR }).expect(201);
    expect(created.body).toMatchObject({ agencyId: officer.agencyId, code: 'repair_scheduled', language: 'en', body: REPAIR, placeholders: ['repairDate'] });
    const id = created.body.id;

    const list = await as(supervisor).get('?language=en').expect(200);
    expect(list.body.map((r: { id: string }) => r.id)).toContain(id);
    expect((await as(officer).get('?language=tr').expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(id);
    await as(officer).get(`/${id}`).expect(200);

    const edited = await as(supervisor)
      .put(id, { code: 'repair_scheduled', language: 'tr', title: 'Onarım planlandı', body: 'Sayın {{citizenName}}, {{crew}} ekibi gelecek.' })
      .expect(200);
    expect(edited.body).toMatchObject({ id, language: 'tr', title: 'Onarım planlandı', placeholders: ['crew'] });

    await as(officer).delete(id).expect(204);
    await as(officer).get(`/${id}`).expect(404);
    await as(officer).delete(id).expect(404);
  });

  it('refuses a second response with the same code and language (409), and bad fields (400 per field)', async () => {
    const first = await create(officer, 'Thank you.');
    const duplicate = await as(officer).post({ code: first.code, language: 'en', title: 'Again', body: 'Again.' }).expect(409);
    expect(duplicate.body.code).toBe('CANNED_RESPONSE_EXISTS');
    await as(officer).post({ code: first.code, language: 'tr', title: 'Teşekkürler', body: 'Teşekkürler.' }).expect(201);

    const missing = await as(officer).post({}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'code', 'language', 'title']);
    const unsupported = await as(officer).post({ code: 'x1', language: 'xx', title: 'T', body: 'B' }).expect(400);
    expect(unsupported.body.errors).toEqual([expect.objectContaining({ field: 'language', code: 'unsupported' })]);
    const malformed = await as(officer).post({ code: 'x2', language: 'en', title: 'T', body: 'Dear {{ citizen name }}' }).expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'placeholder_format' })]);
    expect(malformed.body.errors[0].message).toContain('{{citizen name}}');
  });

  it("keeps each agency's responses to itself; agents get 403; center admins manage any agency's", async () => {
    const mine = await create(officer, 'Thank you.');
    expect((await as(otherAgencyOfficer).get().expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(mine.id);
    await as(otherAgencyOfficer).get(`/${mine.id}`).expect(404);
    await as(otherAgencyOfficer).put(mine.id, { code: 'taken', language: 'en', title: 'T', body: 'B' }).expect(404);
    await as(otherAgencyOfficer).delete(mine.id).expect(404);
    await as(otherAgencyOfficer).get(`?agencyId=${officer.agencyId}`).expect(403);
    await as(otherAgencyOfficer).post({ agencyId: officer.agencyId, code: 'sneaky', language: 'en', title: 'T', body: 'B' }).expect(403);
    await as(agent).get().expect(403);
    await as(agent).post({ code: 'agent', language: 'en', title: 'T', body: 'B' }).expect(403);

    const byCenter = await create(centerAdmin, 'From the center.', { agencyId: officer.agencyId });
    expect(byCenter.agencyId).toBe(officer.agencyId);
    expect((await as(officer).get().expect(200)).body.map((r: { id: string }) => r.id)).toContain(byCenter.id);
    expect((await as(centerAdmin).get(`?agencyId=${officer.agencyId}`).expect(200)).body.map((r: { id: string }) => r.id)).toContain(mine.id);
    await as(centerAdmin).delete(mine.id).expect(204);
    const unknownAgency = await as(centerAdmin)
      .post({ agencyId: '00000000-0000-4000-8000-000000000000', code: 'nowhere', language: 'en', title: 'T', body: 'B' })
      .expect(400);
    expect(unknownAgency.body.errors).toEqual([expect.objectContaining({ field: 'agencyId' })]);
  });

  it('answers with a canned response, filling tracking number, name, agency, date and the placeholders given', async () => {
    const canned = await create(officer, REPAIR);
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const res = await actNow(stack, officer, c.id, 'answers', { cannedResponseId: canned.id, placeholders: { repairDate: '12 May' } }).expect(201);
    expect(res.body.status).toBe('answered');

    const expected = `Dear Ayşe Yılmaz, about ${c.trackingNumber}: ISKI Kadikoy Branch will repair the main on 12 May. ${today()}`;
    const status = await publicStatus(stack, c);
    expect(status.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([['answer', expected]]);
    const { rows } = await stack.db.query(`SELECT params FROM outgoing_messages WHERE application_id = $1 AND template = 'application_answered'`, [c.id]);
    expect(rows).toEqual([{ params: { trackingNumber: c.trackingNumber, body: expected } }]);
    const { rows: history } = await stack.db.query(`SELECT data FROM application_events WHERE application_id = $1 AND kind = 'answered'`, [c.id]);
    expect(history).toEqual([{ data: { cannedResponseId: canned.id } }]);
  });

  it('refuses placeholders nobody can fill, listing each, and sends nothing', async () => {
    const canned = await create(officer, '{{crew}} will come on {{repairDate}} for {{trackingNumber}}; ask {{crew}}.');
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const version = await versionOf(stack, c.id);
    const res = await actNow(stack, officer, c.id, 'answers', { cannedResponseId: canned.id, placeholders: { repairDate: '12 May' } }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'placeholders.crew', code: 'unknown_placeholder' })]);
    const none = await actNow(stack, officer, c.id, 'answers', { cannedResponseId: canned.id }).expect(400);
    expect(none.body.errors.map((e: { field: string }) => e.field)).toEqual(['placeholders.crew', 'placeholders.repairDate']);

    expect(await versionOf(stack, c.id)).toBe(version);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM outgoing_messages WHERE application_id = $1 AND template = 'application_answered'`, [
      c.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it("leaves a confidential citizen's name empty outside the center", async () => {
    const canned = await create(officer, 'Dear {{citizenName}}, your application {{trackingNumber}} is answered.');
    const c = await submitCase(stack, { confidential: true });
    await actNow(stack, officer, c.id, 'claim').expect(200);
    await actNow(stack, officer, c.id, 'answers', { cannedResponseId: canned.id }).expect(201);
    const status = await publicStatus(stack, c);
    expect(status.messages[0].body).toBe(`Dear , your application ${c.trackingNumber} is answered.`);
    const { rows } = await stack.db.query('SELECT body FROM application_messages WHERE application_id = $1', [c.id]);
    expect(rows[0].body).not.toContain('Ayşe');
  });

  it("refuses overriding what Petitio fills, and another agency's canned response", async () => {
    const c = await submitCase(stack);
    await actNow(stack, officer, c.id, 'claim').expect(200);
    const mine = await create(officer, 'About {{trackingNumber}}.');
    const reserved = await actNow(stack, officer, c.id, 'answers', { cannedResponseId: mine.id, placeholders: { trackingNumber: '0000-0000-000' } }).expect(
      400,
    );
    expect(reserved.body.errors).toEqual([expect.objectContaining({ field: 'placeholders.trackingNumber', code: 'reserved' })]);
    const theirs = await create(otherAgencyOfficer, 'From ASKI.');
    const foreign = await actNow(stack, officer, c.id, 'answers', { cannedResponseId: theirs.id }).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'cannedResponseId', code: 'unknown' })]);
    const textWithPlaceholders = await actNow(stack, officer, c.id, 'answers', { text: 'Done.', placeholders: { a: 'b' } }).expect(400);
    expect(textWithPlaceholders.body.errors).toEqual([expect.objectContaining({ field: 'placeholders' })]);
    expect((await publicStatus(stack, c)).status).toBe('assigned');
  });
});
