import request from 'supertest';
import { adminRoutingTexts } from '@petitio/web-admin';
import { consoleTexts } from '@petitio/web-console';
import { routedAgencyCode, validApplication } from './support/applications';
import { Case, submitCase } from './support/casework';
import { stackCalendar } from './support/deadlines';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { consoleCookie, consoleForm, consolePage, errorNextTo, hiddenIn } from './support/console-forms';
import { visibleText } from './support/pages';

/**
 * Routing rules and SLA policies kept by center admins, through the JSON API and the console pages, against the
 * real api and worker: a rule written here routes the next application, and the preview says what the worker does.
 */
jest.setTimeout(120000);

const RULES = '/api/v1/staff/routing-rules';
const en = adminRoutingTexts('en');
const tr = adminRoutingTexts('tr');
/** The router keeps the rules for up to five seconds: a new rule reaches the worker after that. */
const RULE_CACHE_MS = 5_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Rule {
  id: string;
  code: string;
  order: number | null;
  agencyCode: string;
  active: boolean;
}

describe('routing rules and SLA policies admin', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let officer: TestStaff;

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { name: 'Center Admin' });
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor'], { name: 'Kadıköy Supervisor' });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer'], { name: 'Kadıköy Officer' });
  });
  afterAll(() => stack?.stop());

  const api = (staff: TestStaff) => ({
    get: (path = '') => request(stack.apiUrl).get(`${RULES}${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => request(stack.apiUrl).post(`${RULES}${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    patch: (id: string, body: object) => request(stack.apiUrl).patch(`${RULES}/${id}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    delete: (id: string) => request(stack.apiUrl).delete(`${RULES}/${id}`).set('Authorization', `Bearer ${staff.token}`),
  });
  const preview = async (body: object) => (await api(admin).post('/preview', body).expect(200)).body as { agencyCode: string; reason: string; rule?: Rule };
  const ruleCount = async () => (await stack.db.query('SELECT count(*)::int AS n FROM routing_rules')).rows[0].n as number;
  const submit = async (overrides: Record<string, unknown>) => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication(overrides)).expect(201);
    const agency = await routedAgencyCode(stack.db, res.body.trackingNumber);
    const { rows } = await stack.db.query('SELECT id, routing_rule_id FROM applications WHERE tracking_number = $1', [
      res.body.trackingNumber.replace(/-/g, ''),
    ]);
    return { agency, id: rows[0].id as string, ruleId: rows[0].routing_rule_id as string | null };
  };

  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);
  const page = (cookie: string, path: string, language = 'en') => consolePage(stack, cookie, path, language);
  const form = (cookie: string, path: string, fields: Record<string, string | string[]>, language = 'en') => consoleForm(stack, cookie, path, fields, language);

  describe('JSON API', () => {
    it('lists the active rules in the order the router tries them: most specific first, then by position', async () => {
      const rules: Rule[] = (await api(admin).get().expect(200)).body;
      const codes = rules.map((r) => r.code);
      expect(codes.indexOf('water-kadikoy')).toBeLessThan(codes.indexOf('water-istanbul'));
      expect(codes.indexOf('water-istanbul')).toBeLessThan(codes.indexOf('bribery-keywords'));
      expect(rules.map((r) => r.order)).toEqual(rules.map((_, i) => i + 1));
      expect(rules.find((r) => r.code === 'water-kadikoy')).toMatchObject({ agencyCode: 'ISKI-KDK', active: true });
    });

    it('documents every routing-rules route in the OpenAPI document', async () => {
      const doc = await request(stack.apiUrl).get('/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([RULES, `${RULES}/preview`, `${RULES}/{id}`]));
      expect(Object.keys(doc.body.paths[`${RULES}/{id}`]).sort()).toEqual(['delete', 'get', 'patch']);
      expect(doc.body.paths[`${RULES}/preview`].post.tags).toEqual(['staff: routing rules']);
    });

    it('is for center admins only: a supervisor and an officer get 403 on every route, and nothing is written', async () => {
      const before = await ruleCount();
      const [someRule] = (await api(admin).get().expect(200)).body as Rule[];
      for (const staff of [supervisor, officer]) {
        await api(staff).get().expect(403);
        await api(staff).get(`/${someRule.id}`).expect(403);
        await api(staff).post('', { code: 'not-allowed', topicCode: 'roads', agencyCode: 'UAB' }).expect(403);
        await api(staff).post('/preview', { type: 'complaint' }).expect(403);
        await api(staff).patch(someRule.id, { active: false }).expect(403);
        await api(staff).delete(someRule.id).expect(403);
      }
      expect(await ruleCount()).toBe(before);
      expect((await api(admin).get(`/${someRule.id}`).expect(200)).body.active).toBe(true);
    });

    it('routes the next matching application by a new rule, as the preview said, and keeps it there after the rule is deleted', async () => {
      const roadsInKadikoy = {
        type: 'complaint',
        topicCode: 'roads',
        provinceCode: 'TR-34',
        districtCode: 'TR-34-KDK',
        body: 'A pothole on Moda Caddesi.',
        language: 'en',
      };
      expect(await preview(roadsInKadikoy)).toMatchObject({ agencyCode: 'KGM-34', reason: 'rule', rule: { code: 'roads-istanbul' } });

      const created = await api(admin)
        .post('', {
          code: 'roads-kadikoy-complaints',
          typeCode: 'complaint',
          topicCode: 'roads',
          districtCode: 'TR-34-KDK',
          agencyCode: 'UAB',
          description: 'Road complaints in Kadıköy',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        code: 'roads-kadikoy-complaints',
        typeCode: 'complaint',
        topicCode: 'roads',
        provinceCode: null,
        districtCode: 'TR-34-KDK',
        keywords: [],
        agencyCode: 'UAB',
        position: 100,
        active: true,
        specificity: 4,
      });
      const listed: Rule[] = (await api(admin).get().expect(200)).body;
      expect(created.body.order).toBe(listed.find((r) => r.code === 'roads-kadikoy-complaints')!.order);
      expect(created.body.order).toBeLessThan(listed.find((r) => r.code === 'roads-istanbul')!.order!);
      expect(await preview(roadsInKadikoy)).toMatchObject({ agencyCode: 'UAB', reason: 'rule', rule: { id: created.body.id, order: created.body.order } });

      await sleep(RULE_CACHE_MS);
      const routed = await submit({ topic: 'roads', body: 'A pothole on Moda Caddesi.' });
      expect(routed).toMatchObject({ agency: 'UAB', ruleId: created.body.id });
      // A request on the same road is no complaint: the rule leaves it to the Istanbul rule.
      expect((await submit({ type: 'request', topic: 'roads', body: 'Please resurface Moda Caddesi.' })).agency).toBe('KGM-34');

      await api(admin).delete(created.body.id).expect(204);
      await api(admin).get(`/${created.body.id}`).expect(404);
      await api(admin).delete(created.body.id).expect(404);
      expect(await preview(roadsInKadikoy)).toMatchObject({ agencyCode: 'KGM-34', rule: { code: 'roads-istanbul' } });
      const { rows } = await stack.db.query(
        `SELECT g.code, a.routing_rule_id, e.data FROM applications a JOIN agencies g ON g.id = a.assigned_agency_id
         JOIN application_events e ON e.application_id = a.id AND e.kind = 'routed' WHERE a.id = $1`,
        [routed.id],
      );
      expect(rows[0]).toMatchObject({ code: 'UAB', routing_rule_id: null, data: { reason: 'rule', ruleId: created.body.id } });
    });

    it('previews what the worker does for every way of routing: a rule, a keyword, the topic default, triage', async () => {
      const cases: [Record<string, unknown>, Record<string, unknown>][] = [
        [
          { topic: 'water', location: { districtCode: 'TR-34-KDK' } },
          { type: 'complaint', topicCode: 'water', districtCode: 'TR-34-KDK' },
        ],
        [
          { topic: 'water', location: { provinceCode: 'TR-06' } },
          { type: 'complaint', topicCode: 'water', provinceCode: 'TR-06' },
        ],
        [
          { topic: 'tax', location: undefined, body: 'The clerk asked me for a bribe.' },
          { type: 'complaint', topicCode: 'tax', body: 'The clerk asked me for a bribe.', language: 'en' },
        ],
        [
          { topic: 'health', type: 'request', location: { provinceCode: 'TR-35' } },
          { type: 'request', topicCode: 'health', provinceCode: 'TR-35' },
        ],
        [{ topic: undefined, location: undefined }, { type: 'complaint' }],
      ];
      const reasons: string[] = [];
      for (const [application, described] of cases) {
        const said = await preview({ body: validApplication().body, ...described });
        const done = await submit(application);
        expect(done.agency).toBe(said.agencyCode);
        expect(done.ruleId).toBe(said.rule?.id ?? null);
        reasons.push(said.reason);
      }
      expect(reasons).toEqual(['rule', 'rule', 'rule', 'topic_default', 'triage']);
    });

    it.each([
      ['an unknown topic', { topicCode: 'parking' }, 'topicCode'],
      ['an unknown agency', { agencyCode: 'NOWHERE' }, 'agencyCode'],
      ['an unknown type', { typeCode: 'parking_ticket' }, 'typeCode'],
      ['an unknown province', { provinceCode: 'TR-99' }, 'provinceCode'],
      ['a district given as province', { provinceCode: 'TR-34-KDK' }, 'provinceCode'],
      ['a district outside the province', { provinceCode: 'TR-06', districtCode: 'TR-34-KDK' }, 'districtCode'],
      ['no criterion at all', { topicCode: null }, 'criteria'],
      ['a keyword of two words', { keywords: ['two words'] }, 'keywords'],
      ['a code with capitals and spaces', { code: 'Roads Kadikoy' }, 'code'],
      ['a fractional position', { position: 1.5 }, 'position'],
      ['a field that does not exist', { priority: 'high' }, 'priority'],
      ['a missing agency', { agencyCode: undefined }, 'agencyCode'],
    ])('refuses %s with a 400 naming the field, and writes no rule', async (_what, change, field) => {
      const before = await ruleCount();
      const res = await api(admin)
        .post('', { code: 'refused-rule', topicCode: 'roads', agencyCode: 'UAB', ...change })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field.split('.')[0])).toEqual([field]);
      expect(res.body.errors[0].message).toEqual(expect.any(String));
      expect(await ruleCount()).toBe(before);
    });

    it('answers 409 to a code already taken, and refuses bad edits per field without changing the rule', async () => {
      expect((await api(admin).post('', { code: 'water-kadikoy', topicCode: 'roads', agencyCode: 'UAB' }).expect(409)).body.code).toBe(
        'ROUTING_RULE_CODE_TAKEN',
      );
      const rule = ((await api(admin).get().expect(200)).body as Rule[]).find((r) => r.code === 'water-ankara')!;
      const res = await api(admin).patch(rule.id, { agencyCode: 'NOWHERE', districtCode: 'TR-99-XXX' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['agencyCode', 'districtCode']);
      expect((await api(admin).get(`/${rule.id}`).expect(200)).body).toMatchObject({ agencyCode: 'ASKI', districtCode: null });
      await api(admin).patch('not-a-rule-id', { active: false }).expect(404);
    });

    it('edits a rule, deactivates it so the router skips it, and says which codes a preview names that do not exist', async () => {
      const created = (await api(admin).post('', { code: 'police-kadikoy', topicCode: 'police', districtCode: 'TR-34-KDK', agencyCode: 'EGM-06' }).expect(201))
        .body as Rule;
      const edited = await api(admin)
        .patch(created.id, { agencyCode: 'EGM-34', keywords: ['hırsız*'], position: 5 })
        .expect(200);
      expect(edited.body).toMatchObject({ agencyCode: 'EGM-34', keywords: ['hırsız*'], position: 5, districtCode: 'TR-34-KDK' });
      const thief = { type: 'complaint', topicCode: 'police', districtCode: 'TR-34-KDK', body: 'Hırsızlar evimize girdi.', language: 'tr' };
      expect(await preview(thief)).toMatchObject({ agencyCode: 'EGM-34', rule: { code: 'police-kadikoy' } });
      const cleared = await api(admin).patch(created.id, { keywords: null, active: false }).expect(200);
      expect(cleared.body).toMatchObject({ keywords: [], active: false, order: null });
      expect(await preview(thief)).toMatchObject({ agencyCode: 'EGM-34', rule: { code: 'police-istanbul' } });

      const refused = await api(admin).post('/preview', { type: 'parking_ticket', topicCode: 'parking', provinceCode: 'TR-99' }).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['provinceCode', 'topicCode', 'type']);
      expect((await api(admin).post('/preview', {}).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['type']);
    });
  });

  describe('console pages', () => {
    it('shows the rules in order with their criteria in words, in English and Turkish', async () => {
      const cookie = await signIn(admin);
      const res = await page(cookie, '/staff/admin/routing').expect(200);
      const text = visibleText(res.text);
      expect(text).toContain(en.routing.title);
      expect(text).toContain('Topic: Water and sewerage');
      expect(text).toContain('District: Kadikoy (Istanbul)');
      const order = [...res.text.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]);
      expect(order.indexOf('water-kadikoy')).toBeLessThan(order.indexOf('water-istanbul'));
      expect(res.text).toContain('href="/staff/admin/routing"');
      const turkish = await page(cookie, '/staff/admin/routing', 'tr').expect(200);
      expect(visibleText(turkish.text)).toContain(tr.routing.title);
      expect(visibleText(turkish.text)).toContain('Konu: Su ve kanalizasyon');
    });

    it('adds a rule through the form, shows it in the list with a done notice, and routes the next application by it', async () => {
      const cookie = await signIn(admin);
      const list = await page(cookie, '/staff/admin/routing').expect(200);
      const res = await form(cookie, '/staff/admin/routing', {
        _csrf: hiddenIn(list.text, '_csrf'),
        code: 'education-kadikoy',
        description: 'Schools in Kadıköy',
        typeCode: '',
        topicCode: 'education',
        provinceCode: 'TR-34',
        districtCode: 'TR-34-KDK',
        keywords: '',
        agencyCode: 'MOH-34-KDK',
        position: '50',
        active: 'true',
      }).expect(303);
      expect(res.headers.location).toBe('/staff/admin/routing?done=created');
      const after = await page(cookie, res.headers.location).expect(200);
      expect(visibleText(after.text)).toContain(en.routing.done.created);
      expect(after.text).toContain('data-code="education-kadikoy"');
      const { rows } = await stack.db.query(
        `SELECT r.position, r.province_code, r.keywords, r.active, a.code FROM routing_rules r JOIN agencies a ON a.id = r.agency_id WHERE r.code = 'education-kadikoy'`,
      );
      expect(rows[0]).toEqual({ position: 50, province_code: 'TR-34', keywords: null, active: true, code: 'MOH-34-KDK' });

      await sleep(RULE_CACHE_MS);
      expect((await submit({ topic: 'education', body: 'The school heating is broken.' })).agency).toBe('MOH-34-KDK');
    });

    it('refuses a bad rule with each problem next to its field in the page’s language, keeps what was typed, and writes nothing', async () => {
      const cookie = await signIn(admin);
      const list = await page(cookie, '/staff/admin/routing').expect(200);
      const before = await ruleCount();
      const fields = {
        _csrf: hiddenIn(list.text, '_csrf'),
        code: 'roads-izmir',
        topicCode: 'roads',
        provinceCode: 'TR-06',
        districtCode: 'TR-34-KDK',
        keywords: 'pot holes!',
        agencyCode: 'UAB',
        position: '10',
      };
      const shape = await form(cookie, '/staff/admin/routing', fields).expect(400);
      expect(errorNextTo(shape.text, 'keywords')).toBe(en.fieldErrors.keyword_format);
      expect(shape.text).toContain('value="pot holes!"');
      const places = await form(cookie, '/staff/admin/routing', { ...fields, keywords: '' }).expect(400);
      expect(errorNextTo(places.text, 'districtCode')).toBe(en.fieldErrors.not_in_province);
      const empty = await form(cookie, '/staff/admin/routing', { _csrf: fields._csrf, code: 'x', position: 'ten' }).expect(400);
      expect(errorNextTo(empty.text, 'position')).toBe(consoleTexts('en').fieldErrors.isInt);
      expect(errorNextTo(empty.text, 'agencyCode')).toBe(consoleTexts('en').fieldErrors.isDefined);
      // Refused for its shape, the form also says what the rule's own checks find.
      expect(errorNextTo(empty.text, 'code')).toBe(en.fieldErrors.rule_code_format);
      expect(errorNextTo(empty.text, 'criteria')).toBe(en.fieldErrors.no_criteria);
      const turkish = await form(cookie, '/staff/admin/routing', { ...fields, keywords: '', districtCode: '', agencyCode: 'NOWHERE' }, 'tr').expect(400);
      expect(errorNextTo(turkish.text, 'agencyCode')).toBe(tr.fieldErrors.unknown_agency);
      const noCriteria = await form(cookie, '/staff/admin/routing', { _csrf: fields._csrf, code: 'catch-all', agencyCode: 'UAB', active: 'true' }).expect(400);
      expect(errorNextTo(noCriteria.text, 'criteria')).toBe(en.fieldErrors.no_criteria);
      const taken = await form(cookie, '/staff/admin/routing', { ...fields, code: 'water-kadikoy', provinceCode: '', districtCode: '', keywords: '' }).expect(
        400,
      );
      expect(errorNextTo(taken.text, 'code')).toBe(en.fieldErrors.ROUTING_RULE_CODE_TAKEN);
      const bell = await form(cookie, '/staff/admin/routing', { ...fields, keywords: '', districtCode: '', description: 'Roads\u0007 in Ankara' }, 'tr').expect(
        400,
      );
      expect(errorNextTo(bell.text, 'description')).toBe(consoleTexts('tr').fieldErrors.control_character);
      expect(await ruleCount()).toBe(before);
    });

    it('edits a rule on its page, then deletes it after a confirmation page', async () => {
      const cookie = await signIn(admin);
      const rule = (await api(admin).post('', { code: 'health-uskudar', topicCode: 'health', districtCode: 'TR-34-USK', agencyCode: 'MOH-34' }).expect(201))
        .body as Rule;
      const editPage = await page(cookie, `/staff/admin/routing/${rule.id}`).expect(200);
      expect(visibleText(editPage.text)).toContain(en.routing.editTitle({ code: 'health-uskudar' }));
      expect(editPage.text).toMatch(/<option value="TR-34-USK" selected>/);
      const place = ((await api(admin).get().expect(200)).body as Rule[]).find((r) => r.code === 'health-uskudar')!.order;
      expect(editPage.text).toContain(`<p id="place">${en.routing.placeInOrder({ order: place! })}</p>`);
      const saved = await form(cookie, `/staff/admin/routing/${rule.id}`, {
        _csrf: hiddenIn(editPage.text, '_csrf'),
        description: 'Health in Üsküdar',
        topicCode: 'health',
        provinceCode: 'TR-34',
        districtCode: 'TR-34-USK',
        keywords: 'hastane*',
        agencyCode: 'MOH-34-KDK',
        position: '7',
      }).expect(303);
      expect(saved.headers.location).toBe('/staff/admin/routing?done=updated');
      // The active box was left unticked: the rule is kept but no longer tried.
      expect((await api(admin).get(`/${rule.id}`).expect(200)).body).toMatchObject({
        description: 'Health in Üsküdar',
        provinceCode: 'TR-34',
        keywords: ['hastane*'],
        agencyCode: 'MOH-34-KDK',
        position: 7,
        active: false,
        order: null,
      });

      const refused = await form(cookie, `/staff/admin/routing/${rule.id}`, {
        _csrf: hiddenIn(editPage.text, '_csrf'),
        topicCode: 'health',
        agencyCode: 'MOH-34',
        position: '-3',
        active: 'true',
      }).expect(400);
      expect(errorNextTo(refused.text, 'position')).toBe(consoleTexts('en').fieldErrors.min);
      expect((await api(admin).get(`/${rule.id}`).expect(200)).body.position).toBe(7);

      const confirm = await page(cookie, `/staff/admin/routing/${rule.id}/delete`).expect(200);
      expect(visibleText(confirm.text)).toContain(en.routing.deleteWarning);
      const deleted = await form(cookie, `/staff/admin/routing/${rule.id}/delete`, { _csrf: hiddenIn(confirm.text, '_csrf') }).expect(303);
      expect(deleted.headers.location).toBe('/staff/admin/routing?done=deleted');
      await api(admin).get(`/${rule.id}`).expect(404);
      await page(cookie, `/staff/admin/routing/${rule.id}`).expect(404);
    });

    it('keeps an inactive agency a rule still names choosable on its edit page, so that the rule can be deactivated without losing it', async () => {
      const cookie = await signIn(admin);
      const rule = ((await api(admin).get().expect(200)).body as Rule[]).find((r) => r.code === 'water-izmir')!;
      await stack.db.query(`UPDATE agencies SET active = false WHERE code = 'IZSU'`);
      try {
        const editPage = await page(cookie, `/staff/admin/routing/${rule.id}`).expect(200);
        expect(editPage.text).toContain(`<option value="IZSU" selected>Izmir Water and Sewerage Administration (${en.inactive})</option>`);
        const fields = { _csrf: hiddenIn(editPage.text, '_csrf'), topicCode: 'water', provinceCode: 'TR-35', agencyCode: 'IZSU', position: '100' };
        const refused = await form(cookie, `/staff/admin/routing/${rule.id}`, { ...fields, active: 'true' }).expect(400);
        expect(errorNextTo(refused.text, 'agencyCode')).toBe(en.fieldErrors.unknown_agency);
        await form(cookie, `/staff/admin/routing/${rule.id}`, fields).expect(303);
        expect((await api(admin).get(`/${rule.id}`).expect(200)).body).toMatchObject({ agencyCode: 'IZSU', active: false });
      } finally {
        await stack.db.query(`UPDATE agencies SET active = true WHERE code = 'IZSU'`);
      }
      await api(admin).patch(rule.id, { active: true }).expect(200);
    });

    it('shows in the preview form which agency the router would choose and by which rule', async () => {
      const cookie = await signIn(admin);
      const list = await page(cookie, '/staff/admin/routing').expect(200);
      const res = await form(cookie, '/staff/admin/routing/preview', {
        _csrf: hiddenIn(list.text, '_csrf'),
        type: 'complaint',
        topicCode: 'water',
        provinceCode: '',
        districtCode: 'TR-34-KDK',
        subject: '',
        body: 'No water.',
        language: 'en',
      }).expect(200);
      const result = /<div class="notice" role="status" id="preview-result"[^>]*>([\s\S]*?)<\/div>/.exec(res.text)?.[1] ?? '';
      const kadikoy = ((await api(admin).get().expect(200)).body as Rule[]).find((r) => r.code === 'water-kadikoy')!;
      expect(visibleText(result)).toContain(
        `${en.routing.wouldGoTo({ agency: 'ISKI Kadikoy Branch' })} ${en.routing.byRule({ code: 'water-kadikoy', order: kadikoy.order! })}`,
      );
      const triage = await form(cookie, '/staff/admin/routing/preview', { _csrf: hiddenIn(list.text, '_csrf'), type: 'suggestion', language: 'en' }).expect(
        200,
      );
      expect(visibleText(triage.text)).toContain(en.routing.byTriage);
      const refused = await form(cookie, '/staff/admin/routing/preview', { _csrf: hiddenIn(list.text, '_csrf'), type: '', provinceCode: 'TR-99' }).expect(400);
      expect(errorNextTo(refused.text, 'preview-type')).toBe(consoleTexts('en').fieldErrors.isDefined);
    });

    it('refuses a form without the session’s token, and shows supervisors and officers the 403 page with no admin links', async () => {
      const cookie = await signIn(admin);
      const before = await ruleCount();
      await form(cookie, '/staff/admin/routing', { code: 'no-token', topicCode: 'roads', agencyCode: 'UAB', active: 'true' }).expect(403);
      for (const staff of [supervisor, officer]) {
        const theirs = await signIn(staff);
        for (const path of ['/staff/admin/routing', '/staff/admin/sla-policies', '/staff/admin/sla-policies/TR-3071-COMPLAINT']) {
          const res = await page(theirs, path).expect(403);
          expect(res.text).not.toContain('href="/staff/admin/routing"');
        }
        const inbox = await page(theirs, '/staff/inbox').expect(200);
        const csrf = hiddenIn(inbox.text, '_csrf');
        await form(theirs, '/staff/admin/routing', { _csrf: csrf, code: 'theirs', topicCode: 'roads', agencyCode: 'UAB', active: 'true' }).expect(403);
        await form(theirs, '/staff/admin/sla-policies/TR-3071-COMPLAINT', { _csrf: csrf, 'period-amount': '1', 'period-unit': 'calendar_days' }).expect(403);
      }
      expect(await ruleCount()).toBe(before);
      expect((await stack.db.query(`SELECT amount FROM sla_policies WHERE code = 'TR-3071-COMPLAINT'`)).rows[0].amount).toBe('30');
    });
  });

  describe('SLA policy pages', () => {
    let water: string;
    let open: Case;

    beforeAll(async () => {
      water = (await stack.db.query(`SELECT id FROM topics WHERE code = 'water'`)).rows[0].id;
      await request(stack.apiUrl)
        .post('/api/v1/staff/sla-policies')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({
          code: 'ISKI-WATER-PAGES',
          applicationType: 'complaint',
          topicId: water,
          kind: 'answer',
          period: { amount: 20, unit: 'working_days' },
          onAwaitingCitizen: 'continue',
          legalBasis: 'ISKI service charter',
        })
        .expect(201);
      open = await submitCase(stack);
    });

    const answerClock = (c: Case) =>
      waitFor(
        async () => (await stack.db.query(`SELECT * FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rows[0],
        10000,
        'the answer clock',
      );

    it('lists every policy with its period, what pauses it and its ladder in words', async () => {
      const cookie = await signIn(admin);
      const res = await page(cookie, '/staff/admin/sla-policies').expect(200);
      const row = /<tr data-code="TR-4982-INFORMATION-REQUEST">([\s\S]*?)<\/tr>/.exec(res.text)?.[1] ?? '';
      const text = visibleText(row);
      expect(text).toContain(`15 ${en.sla.units.working_days}`);
      expect(text).toContain(en.sla.onAwaitingCitizen.pause);
      expect(text).toContain(en.sla.ladderWarnings({ targets: en.sla.targets.assigned_officer }));
      expect(text).toContain(en.sla.ladderBreach({ targets: en.sla.targets.agency_supervisors }));
      expect(res.text).toContain('href="/staff/admin/sla-policies/ISKI-WATER-PAGES"');
      const turkish = await page(cookie, '/staff/admin/sla-policies', 'tr').expect(200);
      expect(visibleText(turkish.text)).toContain(tr.sla.title);
    });

    it('changes a policy through its page, keeping open deadlines unless asked, and moves them when asked', async () => {
      const cookie = await signIn(admin);
      const clock = await answerClock(open);
      expect(clock.terms.period).toEqual({ amount: 20, unit: 'working_days' });
      const editPage = await page(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES').expect(200);
      expect(editPage.text).toContain('id="period-amount" name="period-amount" value="20"');
      expect(editPage.text).toContain('value="50, 75, 90"');
      expect(visibleText(editPage.text)).toContain(en.sla.applyMoveHint);
      const fields = {
        _csrf: hiddenIn(editPage.text, '_csrf'),
        applicationType: 'complaint',
        topicId: water,
        agencyId: '',
        'period-amount': '10',
        'period-unit': 'working_days',
        onAwaitingCitizen: 'pause',
        onTransfer: 'keep',
        'extension-amount': '5',
        'extension-unit': 'working_days',
        warningShares: '60, 80',
        'ladder-0': 'assigned_officer',
        'ladder-1': ['agency_supervisors', 'center_queue'],
        'reEscalation-amount': '',
        'reEscalation-unit': '',
        publicLateFlag: 'true',
        notifyCitizenOnBreach: 'true',
        legalBasis: 'ISKI service charter, 2026',
        active: 'true',
        applyToOpen: 'keep',
      };
      const kept = await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', fields).expect(303);
      expect(kept.headers.location).toBe('/staff/admin/sla-policies/ISKI-WATER-PAGES?done=updated');
      expect(visibleText((await page(cookie, kept.headers.location).expect(200)).text)).toContain(en.sla.done.updated);
      const policy = (await request(stack.apiUrl).get('/api/v1/staff/sla-policies/ISKI-WATER-PAGES').set('Authorization', `Bearer ${admin.token}`).expect(200))
        .body;
      expect(policy).toMatchObject({
        period: { amount: 10, unit: 'working_days' },
        onAwaitingCitizen: 'pause',
        extension: { amount: 5, unit: 'working_days' },
        warningShares: [0.6, 0.8],
        ladder: [['assigned_officer'], ['agency_supervisors', 'center_queue']],
        reEscalation: null,
        notifyCitizenOnExtension: false,
        legalBasis: 'ISKI service charter, 2026',
      });
      expect((await answerClock(open)).deadline_at).toEqual(clock.deadline_at);
      // In Turkish a comma between digits is a decimal comma, not a second warning.
      await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', { ...fields, warningShares: '62,5; 80' }, 'tr').expect(303);
      const decimal = (await request(stack.apiUrl).get('/api/v1/staff/sla-policies/ISKI-WATER-PAGES').set('Authorization', `Bearer ${admin.token}`).expect(200))
        .body;
      expect(decimal.warningShares).toEqual([0.625, 0.8]);

      const moved = await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', { ...fields, 'period-amount': '40', applyToOpen: 'move' }).expect(303);
      expect(moved.headers.location).toBe('/staff/admin/sla-policies/ISKI-WATER-PAGES?done=updated&moving=1');
      expect(visibleText((await page(cookie, moved.headers.location).expect(200)).text)).toContain(en.sla.done.moving({ n: 1 }));
      const after = await waitFor(
        async () => {
          const row = await answerClock(open);
          return row.terms.period.amount === 40 && row;
        },
        15000,
        'the open deadline to move',
      );
      expect(after.deadline_at.getTime()).toBeGreaterThan(clock.deadline_at.getTime());
      expect(after.started_at).toEqual(clock.started_at);
      expect(stackCalendar.workingMinutesBetween(after.started_at, after.deadline_at)).toBeGreaterThan(
        stackCalendar.workingMinutesBetween(clock.started_at, clock.deadline_at),
      );
    });

    it('refuses bad terms with each problem next to its field and changes nothing', async () => {
      const cookie = await signIn(admin);
      const editPage = await page(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES').expect(200);
      const before = (await stack.db.query(`SELECT updated_at FROM sla_policies WHERE code = 'ISKI-WATER-PAGES'`)).rows[0].updated_at;
      const fields = {
        _csrf: hiddenIn(editPage.text, '_csrf'),
        applicationType: 'complaint',
        topicId: water,
        'period-amount': '2.5',
        'period-unit': 'working_days',
        onAwaitingCitizen: 'pause',
        onTransfer: 'keep',
        warningShares: '80, 60',
        'ladder-0': 'assigned_officer',
        'ladder-2': 'center_queue',
        legalBasis: ' ',
        active: 'true',
        applyToOpen: 'move',
      };
      const res = await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', fields).expect(400);
      expect(errorNextTo(res.text, 'period-amount')).toBe(en.fieldErrors.whole_number);
      expect(errorNextTo(res.text, 'warningShares')).toBe(en.fieldErrors.ascending);
      expect(errorNextTo(res.text, 'ladder-1')).toBe(en.fieldErrors.empty_rung);
      expect(errorNextTo(res.text, 'legalBasis')).toBe(consoleTexts('en').fieldErrors.required);
      expect(res.text).toContain('value="80, 60"');
      const notANumber = await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', { ...fields, 'period-amount': 'ten', legalBasis: 'x' }, 'tr').expect(
        400,
      );
      expect(errorNextTo(notANumber.text, 'period-amount')).toBe(tr.fieldErrors.isNumber);
      const sameScope = await form(cookie, '/staff/admin/sla-policies/ISKI-WATER-PAGES', {
        ...fields,
        'period-amount': '3',
        warningShares: '',
        'ladder-2': '',
        legalBasis: 'x',
        topicId: '',
        applicationType: 'petition',
      }).expect(400);
      expect(errorNextTo(sameScope.text, 'applicationType')).toBe(en.fieldErrors.SLA_POLICY_SCOPE_TAKEN);
      expect((await stack.db.query(`SELECT updated_at FROM sla_policies WHERE code = 'ISKI-WATER-PAGES'`)).rows[0].updated_at).toEqual(before);
      await page(cookie, '/staff/admin/sla-policies/NO-SUCH-POLICY').expect(404);
    });
  });
});
