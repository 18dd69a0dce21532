import request from 'supertest';
import { adminDirectoryTexts } from '@petitio/web-admin';
import { consoleTexts } from '@petitio/web-console';
import { routedAgencyCode, validApplication } from './support/applications';
import { consoleCookie, consoleForm, consolePage, errorNextTo, hiddenIn } from './support/console-forms';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const d = adminDirectoryTexts('en');
const dtr = adminDirectoryTexts('tr');
const t = consoleTexts('en');

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('directory and topics admin', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { name: 'Center Admin' });
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor'], { name: 'ISKI Supervisor' });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Kadıköy Officer' });
  });
  afterAll(() => stack?.stop());

  const api = (who: TestStaff) => ({
    get: (path: string) => request(stack.apiUrl).get(path).set('Authorization', `Bearer ${who.token}`),
    post: (path: string, body: object) => request(stack.apiUrl).post(path).set('Authorization', `Bearer ${who.token}`).send(body),
    patch: (path: string, body: object) => request(stack.apiUrl).patch(path).set('Authorization', `Bearer ${who.token}`).send(body),
  });
  const count = async (table: 'agencies' | 'topics') => (await stack.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const parentOf = async (code: string) =>
    (await stack.db.query('SELECT p.code FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = $1', [code])).rows[0]?.code ?? null;
  const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

  describe('agencies through the JSON API', () => {
    it('lets a center admin add an agency under a parent, and lists it in the tree one level below it', async () => {
      const res = await api(admin)
        .post('/api/v1/staff/agencies', {
          code: 'MOH-35',
          names: { tr: 'İzmir İl Sağlık Müdürlüğü', en: ' Izmir Provincial Health Directorate ' },
          kind: 'directorate',
          contactEmail: 'izmir@saglik.gov.tr',
          parentCode: 'MOH',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        code: 'MOH-35',
        names: { tr: 'İzmir İl Sağlık Müdürlüğü', en: 'Izmir Provincial Health Directorate' },
        kind: 'directorate',
        parentCode: 'MOH',
        active: true,
      });
      const tree = (await api(admin).get('/api/v1/staff/agencies').expect(200)).body as { code: string; depth: number }[];
      const at = (code: string) => tree.findIndex((e) => e.code === code);
      expect(tree[at('MOH-35')].depth).toBe(tree[at('MOH')].depth + 1);
      expect(at('MOH')).toBeLessThan(at('MOH-35'));
      expect((await api(admin).get('/api/v1/staff/agencies/MOH-35').expect(200)).body.contactEmail).toBe('izmir@saglik.gov.tr');
    });

    it('refuses a new agency field by field and writes no row', async () => {
      const before = await count('agencies');
      const shape = await api(admin)
        .post('/api/v1/staff/agencies', { code: 'X-1', names: { tr: 'X' }, kind: 'hospital', contactEmail: 'izmir@' })
        .expect(400);
      expect(fieldsOf(shape.body)).toEqual(expect.arrayContaining(['kind:isIn', 'contactEmail:isEmail']));
      const rules = await api(admin)
        .post('/api/v1/staff/agencies', { code: 'MOH 35', names: { tr: '  ' }, kind: 'directorate', parentCode: 'NOPE' })
        .expect(400);
      expect(fieldsOf(rules.body)).toEqual(['code:invalid_code', 'names:name_required', 'parentCode:unknown_agency']);
      const triage = await api(admin)
        .post('/api/v1/staff/agencies', { code: 'TRIAGE-2', names: { en: 'Second triage' }, kind: 'triage' })
        .expect(400);
      expect(fieldsOf(triage.body)).toEqual(['kind:triage_taken']);
      const taken = await api(admin)
        .post('/api/v1/staff/agencies', { code: 'MOH', names: { en: 'Again' }, kind: 'ministry' })
        .expect(409);
      expect(taken.body.code).toBe('AGENCY_CODE_TAKEN');
      expect(await count('agencies')).toBe(before);
    });

    it('moves and renames an agency, but never under itself or its own descendant', async () => {
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'KDK-PARKS', names: { en: 'Kadikoy Parks' }, kind: 'district_office', parentCode: 'MOH-34-KDK' })
        .expect(201);
      const cycle = await api(admin).patch('/api/v1/staff/agencies/MOH', { parentCode: 'KDK-PARKS' }).expect(400);
      expect(fieldsOf(cycle.body)).toEqual(['parentCode:parent_cycle']);
      const own = await api(admin).patch('/api/v1/staff/agencies/MOH-34', { parentCode: 'MOH-34' }).expect(400);
      expect(fieldsOf(own.body)).toEqual(['parentCode:own_parent']);
      expect(await parentOf('MOH')).toBeNull();

      const moved = await api(admin)
        .patch('/api/v1/staff/agencies/KDK-PARKS', { parentCode: 'ISKI-KDK', names: { tr: 'Kadıköy Parkları' } })
        .expect(200);
      expect(moved.body).toMatchObject({ parentCode: 'ISKI-KDK', names: { en: 'Kadikoy Parks', tr: 'Kadıköy Parkları' } });
      const root = await api(admin).patch('/api/v1/staff/agencies/KDK-PARKS', { parentCode: null, contactEmail: 'parks@kadikoy.bel.tr' }).expect(200);
      expect(root.body).toMatchObject({ parentCode: null, contactEmail: 'parks@kadikoy.bel.tr' });
      await api(admin)
        .patch('/api/v1/staff/agencies/NOPE', { names: { en: 'x' } })
        .expect(404);
    });

    it('renames an agency imported with a name in another language, keeping that name', async () => {
      await stack.db.query(
        `INSERT INTO agencies (code, names, kind, active) VALUES ('GOETHE', '{"de": "Goethe-Institut", "en": "Goethe Institute"}'::jsonb, 'other', true)`,
      );
      const renamed = await api(admin)
        .patch('/api/v1/staff/agencies/GOETHE', { names: { en: 'Goethe Institute Istanbul' } })
        .expect(200);
      expect(renamed.body.names).toEqual({ de: 'Goethe-Institut', en: 'Goethe Institute Istanbul' });
      const renamedAgain = await api(admin)
        .patch('/api/v1/staff/agencies/GOETHE', { names: { en: '' } })
        .expect(200);
      expect(renamedAgain.body.names).toEqual({ de: 'Goethe-Institut' });
    });

    it('keeps the tree a tree when two admins move two agencies under each other at the same moment', async () => {
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'RACE-A', names: { en: 'Race A' }, kind: 'other' })
        .expect(201);
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'RACE-B', names: { en: 'Race B' }, kind: 'other' })
        .expect(201);
      const [aUnderB, bUnderA] = await Promise.all([
        api(admin).patch('/api/v1/staff/agencies/RACE-A', { parentCode: 'RACE-B' }),
        api(admin).patch('/api/v1/staff/agencies/RACE-B', { parentCode: 'RACE-A' }),
      ]);
      expect([aUnderB.status, bUnderA.status].sort()).toEqual([200, 400]);
      expect(fieldsOf(aUnderB.status === 400 ? aUnderB.body : bUnderA.body)).toEqual(['parentCode:parent_cycle']);
      const parents = [await parentOf('RACE-A'), await parentOf('RACE-B')];
      expect(parents.filter((p) => p === null)).toHaveLength(1);
    });

    it('creates an agency once when the same code is sent twice at the same moment', async () => {
      const body = { code: 'TWIN', names: { en: 'Twin' }, kind: 'other' };
      const answers = await Promise.all([api(admin).post('/api/v1/staff/agencies', body), api(admin).post('/api/v1/staff/agencies', body)]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.code).toBe('AGENCY_CODE_TAKEN');
      expect((await stack.db.query(`SELECT count(*)::int AS n FROM agencies WHERE code = 'TWIN'`)).rows[0].n).toBe(1);
    });

    it('refuses to deactivate an agency that still receives work, saying what stands in the way', async () => {
      const refusals = {
        TRIAGE: 'AGENCY_IS_TRIAGE',
        MOH: 'AGENCY_HAS_ACTIVE_CHILDREN',
        GIB: 'AGENCY_IS_TOPIC_DEFAULT',
        'ISKI-KDK': 'AGENCY_IS_ROUTING_TARGET',
      };
      for (const [code, refusal] of Object.entries(refusals)) {
        const res = await api(admin).patch(`/api/v1/staff/agencies/${code}`, { active: false }).expect(409);
        expect(res.body.code).toBe(refusal);
      }
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM agencies WHERE code = ANY($1) AND active`, [Object.keys(refusals)]);
      expect(rows[0].n).toBe(4);
    });

    it('deactivates a leaf agency, which then takes no new children and cannot come back under an inactive parent', async () => {
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'IZSU-NORTH', names: { en: 'IZSU North' }, kind: 'district_office', parentCode: 'IZSU' })
        .expect(201);
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'IZSU-NORTH-1', names: { en: 'IZSU North 1' }, kind: 'other', parentCode: 'IZSU-NORTH' })
        .expect(201);
      expect((await api(admin).patch('/api/v1/staff/agencies/IZSU-NORTH-1', { active: false }).expect(200)).body.active).toBe(false);
      expect((await api(admin).patch('/api/v1/staff/agencies/IZSU-NORTH', { active: false }).expect(200)).body.active).toBe(false);

      const under = await api(admin)
        .post('/api/v1/staff/agencies', { code: 'IZSU-NORTH-2', names: { en: 'IZSU North 2' }, kind: 'other', parentCode: 'IZSU-NORTH' })
        .expect(400);
      expect(fieldsOf(under.body)).toEqual(['parentCode:inactive_parent']);
      const back = await api(admin).patch('/api/v1/staff/agencies/IZSU-NORTH-1', { active: true }).expect(409);
      expect(back.body.code).toBe('AGENCY_PARENT_INACTIVE');

      await api(admin).patch('/api/v1/staff/agencies/IZSU-NORTH', { active: true }).expect(200);
      await api(admin).patch('/api/v1/staff/agencies/IZSU-NORTH-1', { active: true }).expect(200);
    });

    it('lets a supervisor read their own agency’s subtree only, and change nothing', async () => {
      const tree = (await api(supervisor).get('/api/v1/staff/agencies').expect(200)).body as { code: string; depth: number }[];
      expect(tree.map((e) => [e.code, e.depth])).toEqual([
        ['ISKI', 0],
        ['ISKI-KDK', 1],
      ]);
      await api(supervisor).get('/api/v1/staff/agencies/ISKI-KDK').expect(200);
      await api(supervisor).get('/api/v1/staff/agencies/MOH').expect(404);
      const before = await count('agencies');
      await api(supervisor)
        .post('/api/v1/staff/agencies', { code: 'ISKI-ATS', names: { en: 'ISKI Atasehir' }, kind: 'district_office', parentCode: 'ISKI' })
        .expect(403);
      await api(supervisor)
        .patch('/api/v1/staff/agencies/ISKI-KDK', { names: { en: 'Renamed' } })
        .expect(403);
      expect(await count('agencies')).toBe(before);
      expect((await stack.db.query(`SELECT names->>'en' AS en FROM agencies WHERE code = 'ISKI-KDK'`)).rows[0].en).toBe('ISKI Kadikoy Branch');
    });

    it('documents the directory routes in the OpenAPI description', async () => {
      const { paths } = (await request(stack.apiUrl).get('/docs-json').expect(200)).body;
      expect(Object.keys(paths['/api/v1/staff/agencies'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(paths['/api/v1/staff/agencies/{code}'])).toEqual(expect.arrayContaining(['get', 'patch']));
      expect(Object.keys(paths['/api/v1/staff/topics'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(paths['/api/v1/staff/topics/{code}'].patch.responses['200']).toBeDefined();
      // The console's pages are not part of the API.
      expect(Object.keys(paths).filter((p) => p.startsWith('/staff/admin'))).toEqual([]);
    });

    it('is closed to officers', async () => {
      await api(officer).get('/api/v1/staff/agencies').expect(403);
      await api(officer).get('/api/v1/staff/topics').expect(403);
      await api(officer)
        .post('/api/v1/staff/topics', { code: 'sneaky', names: { en: 'Sneaky' } })
        .expect(403);
    });
  });

  describe('topics through the JSON API', () => {
    it('routes an application on a new topic to its default agency when no rule claims it', async () => {
      // Routed first, so the worker has read the topics before the new one exists.
      const earlier = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ topic: 'tax' }))
        .expect(201);
      expect(await routedAgencyCode(stack.db, earlier.body.trackingNumber)).toBe('GIB');

      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'PARKS-06', names: { en: 'Ankara Parks' }, kind: 'municipality' })
        .expect(201);
      const created = await api(admin)
        .post('/api/v1/staff/topics', { code: 'parks', names: { tr: 'Parklar', en: 'Parks' }, defaultAgencyCode: 'PARKS-06', keywords: ['park*', 'bahçe'] })
        .expect(201);
      expect(created.body).toMatchObject({ code: 'parks', defaultAgencyCode: 'PARKS-06', keywords: ['park*', 'bahçe'], active: true });

      const res = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ topic: 'parks', body: 'The playground in the park is broken.', location: { provinceCode: 'TR-06' } }))
        .expect(201);
      expect(await routedAgencyCode(stack.db, res.body.trackingNumber)).toBe('PARKS-06');
      const { rows } = await stack.db.query(
        `SELECT e.data->>'reason' AS reason FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.tracking_number = $1 AND e.kind = 'routed'`,
        [res.body.trackingNumber.replace(/-/g, '')],
      );
      expect(rows[0].reason).toBe('topic_default');
    });

    it('refuses a new topic field by field and writes no row', async () => {
      const before = await count('topics');
      const rules = await api(admin)
        .post('/api/v1/staff/topics', { code: 'Parks!', names: {}, defaultAgencyCode: 'NOPE', keywords: ['two words'] })
        .expect(400);
      expect(fieldsOf(rules.body)).toEqual(['code:invalid_topic_code', 'names:name_required', 'keywords:invalid_keyword', 'defaultAgencyCode:unknown_agency']);
      const taken = await api(admin)
        .post('/api/v1/staff/topics', { code: 'water', names: { en: 'Water again' } })
        .expect(409);
      expect(taken.body.code).toBe('TOPIC_CODE_TAKEN');
      const shape = await api(admin)
        .post('/api/v1/staff/topics', { code: 'ok', names: { en: 'x'.repeat(201) }, keywords: 'park' })
        .expect(400);
      expect(fieldsOf(shape.body)).toContain('names.en:maxLength');
      expect(shape.body.errors.map((e: { field: string }) => e.field)).toContain('keywords');
      expect(await count('topics')).toBe(before);
    });

    it('refuses an inactive default agency, and an agency that is some topic’s default cannot be deactivated', async () => {
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'OLD-UNIT', names: { en: 'Old unit' }, kind: 'other' })
        .expect(201);
      await api(admin).patch('/api/v1/staff/agencies/OLD-UNIT', { active: false }).expect(200);
      const res = await api(admin)
        .post('/api/v1/staff/topics', { code: 'old', names: { en: 'Old' }, defaultAgencyCode: 'OLD-UNIT' })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['defaultAgencyCode:inactive_agency']);
      const blocked = await api(admin).patch('/api/v1/staff/agencies/PARKS-06', { active: false }).expect(409);
      expect(blocked.body).toMatchObject({ code: 'AGENCY_IS_TOPIC_DEFAULT', message: expect.stringContaining('parks') });
    });

    it('changes a topic’s names and default agency, and a deactivated topic is refused at intake', async () => {
      const changed = await api(admin)
        .patch('/api/v1/staff/topics/parks', { names: { en: 'Parks and gardens', ar: '' }, defaultAgencyCode: null })
        .expect(200);
      expect(changed.body).toMatchObject({ names: { tr: 'Parklar', en: 'Parks and gardens' }, defaultAgencyCode: null });
      await api(admin).patch('/api/v1/staff/topics/parks', { defaultAgencyCode: 'PARKS-06' }).expect(200);
      await api(admin).patch('/api/v1/staff/topics/parks', { active: false }).expect(200);
      const refused = await request(stack.apiUrl)
        .post('/api/v1/applications')
        .send(validApplication({ topic: 'parks' }))
        .expect(400);
      expect(fieldsOf(refused.body)).toEqual(['topic:unknown']);
      // With its only topic gone, the agency may now be deactivated.
      await api(admin).patch('/api/v1/staff/agencies/PARKS-06', { active: false }).expect(200);
      await api(admin).patch('/api/v1/staff/agencies/PARKS-06', { active: true }).expect(200);
      await api(admin).patch('/api/v1/staff/topics/parks', { active: true }).expect(200);
    });

    it('lets a supervisor read the topics but not change them', async () => {
      const list = (await api(supervisor).get('/api/v1/staff/topics').expect(200)).body as { code: string }[];
      expect(list.map((x) => x.code)).toEqual(expect.arrayContaining(['water', 'parks']));
      await api(supervisor).patch('/api/v1/staff/topics/water', { defaultAgencyCode: 'ISKI' }).expect(403);
      expect((await api(admin).get('/api/v1/staff/topics/water').expect(200)).body.defaultAgencyCode).toBe('TRIAGE');
    });
  });

  describe('console pages', () => {
    const signIn = (who: TestStaff) => consoleCookie(stack, who);
    const get = (cookie: string, path: string, language = 'en') => consolePage(stack, cookie, path, language);
    const post = (cookie: string, path: string, fields: Record<string, string>, language = 'en') => consoleForm(stack, cookie, path, fields, language);

    it('shows a center admin the tree as nested lists and adds an agency from the form', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/admin/agencies').expect(200);
      expect(page.text).toContain(`href="/staff/admin/agencies">${t.directoryLink}</a>`);
      expect(page.text).toMatch(/<li data-code="MOH">[^]*?<ul><li data-code="MOH-06">/);
      const res = await post(cookie, '/staff/admin/agencies', {
        _csrf: hiddenIn(page.text, '_csrf'),
        code: 'MEB-35',
        'names-tr': 'İzmir İl Milli Eğitim Müdürlüğü',
        'names-en': 'Izmir Provincial Directorate of Education',
        'names-ar': '',
        kind: 'directorate',
        contactEmail: '',
        parentCode: 'MEB',
      }).expect(303);
      expect(res.headers.location).toBe('/staff/admin/agencies?done=created');
      const { rows } = await stack.db.query(
        `SELECT a.names, a.contact_email, p.code AS parent FROM agencies a JOIN agencies p ON p.id = a.parent_id WHERE a.code = 'MEB-35'`,
      );
      expect(rows[0]).toEqual({
        names: { tr: 'İzmir İl Milli Eğitim Müdürlüğü', en: 'Izmir Provincial Directorate of Education' },
        contact_email: null,
        parent: 'MEB',
      });
      const after = await get(cookie, res.headers.location).expect(200);
      expect(after.text).toContain(d.agencies.done.created);
      expect(after.text).toMatch(
        /<li data-code="MEB">[^]*?<li data-code="MEB-35"><a href="\/staff\/admin\/agencies\/MEB-35">Izmir Provincial Directorate of Education<\/a>/,
      );
    });

    it('shows a refused agency’s errors next to their fields in the page language, keeps what was typed and writes nothing', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/admin/agencies', 'tr').expect(200);
      const before = await count('agencies');
      const res = await post(
        cookie,
        '/staff/admin/agencies',
        { _csrf: hiddenIn(page.text, '_csrf'), code: 'MEB 35', 'names-tr': '', kind: '', contactEmail: 'izmir@', parentCode: '' },
        'tr',
      ).expect(400);
      expect(errorNextTo(res.text, 'kind')).toBe(dtr.fieldErrors['kind:isIn']);
      expect(errorNextTo(res.text, 'contactEmail')).toBe(dtr.fieldErrors.isEmail);
      expect(res.text).toContain('value="MEB 35"');
      const domain = await post(
        cookie,
        '/staff/admin/agencies',
        { _csrf: hiddenIn(page.text, '_csrf'), code: 'MEB 35', 'names-tr': ' ', kind: 'directorate' },
        'tr',
      ).expect(400);
      expect(errorNextTo(domain.text, 'code')).toBe(dtr.fieldErrors.invalid_code);
      expect(errorNextTo(domain.text, 'names')).toBe(dtr.fieldErrors.name_required);
      expect(domain.text).toMatch(/<fieldset id="names" aria-describedby="names-hint names-error">/);
      const taken = await post(
        cookie,
        '/staff/admin/agencies',
        { _csrf: hiddenIn(page.text, '_csrf'), code: 'MOH', 'names-en': 'Again', kind: 'ministry' },
        'tr',
      ).expect(400);
      expect(errorNextTo(taken.text, 'code')).toBe(dtr.fieldErrors.AGENCY_CODE_TAKEN);
      expect(await count('agencies')).toBe(before);
    });

    it('edits an agency on its page and refuses a move under its own descendant next to the parent field', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/admin/agencies/MOH-34').expect(200);
      // Its own subtree is not offered as a parent.
      expect(page.text).not.toContain('<option value="MOH-34-KDK"');
      expect(page.text).toContain('<option value="MOH" selected>');
      const csrf = hiddenIn(page.text, '_csrf');
      const cycle = await post(cookie, '/staff/admin/agencies/MOH-34', { _csrf: csrf, 'names-en': 'Istanbul Health', parentCode: 'MOH-34-KDK' }).expect(400);
      expect(errorNextTo(cycle.text, 'parentCode')).toBe(d.fieldErrors.parent_cycle);
      expect(cycle.text).toContain('value="Istanbul Health"');
      expect(await parentOf('MOH-34')).toBe('MOH');

      const saved = await post(cookie, '/staff/admin/agencies/MOH-34', {
        _csrf: csrf,
        'names-tr': 'İstanbul İl Sağlık Müdürlüğü',
        'names-en': 'Istanbul Health',
        'names-ar': '',
        contactEmail: 'istanbul@saglik.gov.tr',
        parentCode: 'MOH',
      }).expect(303);
      expect(saved.headers.location).toBe('/staff/admin/agencies/MOH-34?done=updated');
      const { rows } = await stack.db.query(`SELECT names, contact_email FROM agencies WHERE code = 'MOH-34'`);
      expect(rows[0]).toEqual({ names: { tr: 'İstanbul İl Sağlık Müdürlüğü', en: 'Istanbul Health' }, contact_email: 'istanbul@saglik.gov.tr' });
      expect((await get(cookie, saved.headers.location).expect(200)).text).toContain(d.agencies.done.updated);
      await get(cookie, '/staff/admin/agencies/NOPE').expect(404);
      await get(cookie, '/staff/admin/topics/nope').expect(404);
    });

    it('says on the agency’s page why it cannot be deactivated, and deactivates one nothing depends on', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/admin/agencies/GIB').expect(200);
      const refused = await post(cookie, '/staff/admin/agencies/GIB/status', { _csrf: hiddenIn(page.text, '_csrf'), active: 'false' }).expect(409);
      expect(refused.text).toContain(escaped(d.refusals.AGENCY_IS_TOPIC_DEFAULT({ codes: 'tax' })));
      const done = await post(cookie, '/staff/admin/agencies/MEB-35/status', { _csrf: hiddenIn(page.text, '_csrf'), active: 'false' }).expect(303);
      expect(done.headers.location).toBe('/staff/admin/agencies/MEB-35?done=deactivated');
      expect((await stack.db.query(`SELECT active FROM agencies WHERE code IN ('GIB', 'MEB-35') ORDER BY code`)).rows).toEqual([
        { active: true },
        { active: false },
      ]);
      const after = await get(cookie, done.headers.location).expect(200);
      expect(after.text).toMatch(new RegExp(`name="active" value="true">\\s*<button type="submit">${d.agencies.reactivate}</button>`));
    });

    it('shows a supervisor their subtree read-only, and refuses them the forms and the edit pages', async () => {
      const cookie = await signIn(supervisor);
      const page = await get(cookie, '/staff/admin/agencies').expect(200);
      expect(page.text).toContain(d.agencies.readOnly);
      expect(page.text).toContain('<li data-code="ISKI-KDK">');
      expect(page.text).not.toContain('data-code="MOH"');
      expect(page.text).not.toContain('action="/staff/admin/agencies"');
      expect(page.text).not.toContain('href="/staff/admin/agencies/');
      await get(cookie, '/staff/admin/agencies/ISKI').expect(403);
      const before = await count('agencies');
      await post(cookie, '/staff/admin/agencies', {
        _csrf: hiddenIn(page.text, '_csrf'),
        code: 'ISKI-ATS',
        'names-en': 'ISKI Atasehir',
        kind: 'district_office',
        parentCode: 'ISKI',
      }).expect(403);
      expect(await count('agencies')).toBe(before);
      const topics = await get(cookie, '/staff/admin/topics').expect(200);
      expect(topics.text).not.toContain('action="/staff/admin/topics"');
    });

    it('renames from its page an agency imported with a name in another language', async () => {
      await stack.db.query(`INSERT INTO agencies (code, names, kind, active) VALUES ('GOETHE-IZM', '{"de": "Goethe-Institut Izmir"}'::jsonb, 'other', true)`);
      const cookie = await signIn(admin);
      const edit = await get(cookie, '/staff/admin/agencies/GOETHE-IZM').expect(200);
      const saved = await post(cookie, '/staff/admin/agencies/GOETHE-IZM', {
        _csrf: hiddenIn(edit.text, '_csrf'),
        'names-tr': '',
        'names-en': 'Goethe Institute Izmir',
        'names-ar': '',
        contactEmail: '',
        parentCode: '',
      });
      expect(saved.status).toBe(303);
      expect((await stack.db.query(`SELECT names FROM agencies WHERE code = 'GOETHE-IZM'`)).rows[0].names).toEqual({
        de: 'Goethe-Institut Izmir',
        en: 'Goethe Institute Izmir',
      });
    });

    it('shows a supervisor the links to the directory and topics pages they may read', async () => {
      const inbox = await get(await signIn(supervisor), '/staff/inbox').expect(200);
      expect(inbox.text).toContain(`href="/staff/admin/agencies">${t.directoryLink}</a>`);
      expect(inbox.text).toContain('href="/staff/admin/topics"');
    });

    it('says next to the default agency why a topic cannot come back while that agency is inactive', async () => {
      await api(admin)
        .post('/api/v1/staff/agencies', { code: 'LITTER-UNIT', names: { en: 'Litter unit' }, kind: 'other' })
        .expect(201);
      await api(admin)
        .post('/api/v1/staff/topics', { code: 'litter', names: { en: 'Litter' }, defaultAgencyCode: 'LITTER-UNIT' })
        .expect(201);
      await api(admin).patch('/api/v1/staff/topics/litter', { active: false }).expect(200);
      await api(admin).patch('/api/v1/staff/agencies/LITTER-UNIT', { active: false }).expect(200);
      const cookie = await signIn(admin);
      const edit = await get(cookie, '/staff/admin/topics/litter', 'tr').expect(200);
      const refused = await post(cookie, '/staff/admin/topics/litter/status', { _csrf: hiddenIn(edit.text, '_csrf'), active: 'true' }, 'tr').expect(400);
      expect(errorNextTo(refused.text, 'defaultAgencyCode')).toBe(dtr.fieldErrors.inactive_agency);
      expect((await stack.db.query(`SELECT active FROM topics WHERE code = 'litter'`)).rows[0].active).toBe(false);
    });

    it('refuses officers the pages and shows them no links to them', async () => {
      const cookie = await signIn(officer);
      await get(cookie, '/staff/admin/agencies').expect(403);
      await get(cookie, '/staff/admin/topics').expect(403);
      const inbox = await get(cookie, '/staff/inbox').expect(200);
      expect(inbox.text).not.toContain('href="/staff/admin/');
    });

    it('refuses a form without the session’s token', async () => {
      const cookie = await signIn(admin);
      await post(cookie, '/staff/admin/agencies', { code: 'FORGED', 'names-en': 'Forged', kind: 'other' }).expect(403);
      await post(cookie, '/staff/admin/topics', { code: 'forged', 'names-en': 'Forged' }).expect(403);
      await post(cookie, '/staff/admin/agencies/GIB/status', { active: 'false' }).expect(403);
      const { rows } = await stack.db.query(
        `SELECT (SELECT count(*)::int FROM agencies WHERE code = 'FORGED') + (SELECT count(*)::int FROM topics WHERE code = 'forged') AS n`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('adds a topic from the form, edits it, and shows refusals next to their fields', async () => {
      const cookie = await signIn(admin);
      const page = await get(cookie, '/staff/admin/topics').expect(200);
      expect(page.text).toContain('<tr data-code="water">');
      const csrf = hiddenIn(page.text, '_csrf');
      const before = await count('topics');
      const refused = await post(cookie, '/staff/admin/topics', {
        _csrf: csrf,
        code: 'Noise!',
        'names-en': '',
        defaultAgencyCode: 'OLD-UNIT',
        keywords: 'noise, loud music',
      }).expect(400);
      expect(errorNextTo(refused.text, 'code')).toBe(d.fieldErrors.invalid_topic_code);
      expect(errorNextTo(refused.text, 'names')).toBe(d.fieldErrors.name_required);
      expect(errorNextTo(refused.text, 'keywords')).toBe(d.fieldErrors.invalid_keyword);
      expect(errorNextTo(refused.text, 'defaultAgencyCode')).toBe(d.fieldErrors.inactive_agency);
      expect(refused.text).toContain('value="noise, loud music"');
      expect(await count('topics')).toBe(before);

      const created = await post(cookie, '/staff/admin/topics', {
        _csrf: csrf,
        code: 'noise',
        'names-tr': 'Gürültü',
        'names-en': 'Noise',
        defaultAgencyCode: 'EGM-34',
        keywords: 'gürültü, noise*',
      }).expect(303);
      expect(created.headers.location).toBe('/staff/admin/topics?done=created');
      const list = await get(cookie, created.headers.location).expect(200);
      expect(list.text).toContain(d.topics.done.created);
      expect(list.text).toMatch(
        /<tr data-code="noise"><td><a href="\/staff\/admin\/topics\/noise">Noise<\/a><\/td><td>noise<\/td><td>Istanbul Police Department<\/td><td>gürültü, noise\*<\/td>/,
      );

      const edit = await get(cookie, '/staff/admin/topics/noise').expect(200);
      const saved = await post(cookie, '/staff/admin/topics/noise', {
        _csrf: hiddenIn(edit.text, '_csrf'),
        'names-tr': 'Gürültü',
        'names-en': 'Noise nuisance',
        defaultAgencyCode: '',
        keywords: '',
      }).expect(303);
      expect(saved.headers.location).toBe('/staff/admin/topics/noise?done=updated');
      const { rows } = await stack.db.query(`SELECT names, keywords, default_agency_id FROM topics WHERE code = 'noise'`);
      expect(rows[0]).toEqual({ names: { tr: 'Gürültü', en: 'Noise nuisance' }, keywords: [], default_agency_id: null });
      const off = await post(cookie, '/staff/admin/topics/noise/status', { _csrf: hiddenIn(edit.text, '_csrf'), active: 'false' }).expect(303);
      expect(off.headers.location).toBe('/staff/admin/topics/noise?done=deactivated');
      expect((await stack.db.query(`SELECT active FROM topics WHERE code = 'noise'`)).rows[0].active).toBe(false);
    });
  });
});
