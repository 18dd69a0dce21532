import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { convert } from 'xmlbuilder2';
import { catalogs } from '@petitio/i18n';
import { routedAgencyCode, submitRouted } from './support/applications';
import { actNow } from './support/casework';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';
import { identityOf } from './support/identities';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const RATE_LIMIT = 20;
const en = catalogs.texts('api', 'en');

/**
 * Open311 GeoReport v2 driven as a 311 client drives it: discovery, services and their definitions, service requests
 * filed with a key through the same intake as every channel, read back in JSON and XML without anything personal,
 * and the spec's errors.
 */
describe('Open311 GeoReport v2', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let officer: TestStaff;
  let key: string;

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_BASE_URL: 'https://petitio.example', OPEN311_REQUESTS_PER_MINUTE: String(RATE_LIMIT) } });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    key = await issueKey('City of Kadıköy mobile app');
  });
  afterAll(() => stack?.stop());

  async function issueKey(name: string): Promise<string> {
    const res = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name, kind: 'open311' })
      .expect(201);
    return res.body.key;
  }
  const get = (path: string, language = 'en') => request(stack.apiUrl).get(`/open311/v2/${path}`).set('Accept-Language', language);
  // A service request is in the client's Accept-Language, else the deployment's (Turkish here): these speak English.
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    request(stack.apiUrl)
      .post(`/open311/v2/${path}`)
      .type('form')
      .set({ 'Accept-Language': 'en', ...headers })
      .send(form);
  // The parsed document, loosely typed as JSON.parse's result: each test reads the elements it checks.
  const xml = (text: string) => convert(text, { format: 'object' }) as unknown as ReturnType<typeof JSON.parse>;
  const waterInKadikoy = (extra: Record<string, string> = {}) => ({
    api_key: key,
    service_code: 'water',
    'attribute[district]': 'TR-34-KDK',
    description: 'No water on Moda Caddesi since this morning.',
    first_name: 'Ayşe',
    last_name: 'Yılmaz',
    email: 'ayse.open311@example.org',
    phone: '+905321112233',
    ...extra,
  });

  it('publishes its discovery document in JSON and XML, beside the endpoint and in it', async () => {
    for (const path of ['/open311/discovery.json', '/open311/v2/discovery.json']) {
      const res = await request(stack.apiUrl).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: 'https://petitio.example/open311/v2',
            type: 'test',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
      expect(res.body.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    const res = await request(stack.apiUrl).get('/open311/discovery.xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?><discovery>')).toBe(true);
    expect(xml(res.text).discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it("lists the active topics as services, in the client's language, as a JSON array and as <services><service>", async () => {
    const json = (await get('services.json', 'tr').expect(200)).body;
    expect(Array.isArray(json)).toBe(true);
    expect(json).toContainEqual({
      service_code: 'water',
      service_name: 'Su ve kanalizasyon',
      description: 'Su ve kanalizasyon',
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('kanalizasyon'),
      group: '',
    });
    const services = xml((await get('services.xml').expect(200)).text).services.service;
    expect(services.find((s: { service_code: string }) => s.service_code === 'water')).toMatchObject({
      service_name: 'Water and sewerage',
      metadata: 'true',
      type: 'realtime',
    });
  });

  it('defines each service by the attributes intake needs: the kind of application, a subject, the district, confidentiality', async () => {
    const definition = (await get('services/water.json').expect(200)).body;
    expect(definition.service_code).toBe('water');
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['application_type', 'subject', 'district', 'confidential']);
    const district = definition.attributes.find((a: { code: string }) => a.code === 'district');
    expect(district).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false, order: 3 });
    expect(district.values).toContainEqual({ key: 'TR-34-KDK', name: 'Kadikoy, Istanbul' });
    const asXml = xml((await get('services/water.xml').expect(200)).text).service_definition;
    expect(asXml.attributes.attribute[0]).toMatchObject({ code: 'application_type', datatype: 'singlevaluelist' });
    expect(asXml.attributes.attribute[0].values.value).toContainEqual({ key: 'information_request', name: 'Information request' });
  });

  it("answers what is not there with the spec's errors, in the format asked for", async () => {
    const missing = await get('services/parking.json').expect(404);
    expect(missing.body).toEqual([{ code: 404, description: 'there is no service parking' }]);
    const asXml = await get('services/parking.xml').expect(404);
    expect(asXml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml(asXml.text)).toEqual({ errors: { error: { code: '404', description: 'there is no service parking' } } });
    expect((await get('requests/0000-0000-000.json').expect(404)).body).toEqual([{ code: 404, description: en.problems.SERVICE_REQUEST_NOT_FOUND }]);
    expect((await get('tokens/123.json').expect(404)).body[0].code).toBe(404);
    expect((await get('services.html').expect(404)).text).toContain('<errors>');
  });

  it('refuses a service request without a valid api_key with 403, and a revoked key too', async () => {
    const withoutKey = await post('requests.json', { ...waterInKadikoy(), api_key: '' }).expect(403);
    expect(withoutKey.body).toEqual([{ code: 403, description: en.problems.API_KEY_INVALID }]);
    await post('requests.xml', { ...waterInKadikoy(), api_key: 'ptk_not-a-key' }).expect(403);

    const revokedKey = await issueKey('A retired kiosk');
    const clients = (await request(stack.apiUrl).get('/api/v1/staff/api-clients').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    const retired = clients.find((c: { name: string }) => c.name === 'A retired kiosk');
    expect(retired).not.toHaveProperty('key');
    expect(retired.keyHint).toBe(revokedKey.slice(-4));
    await request(stack.apiUrl).post(`/api/v1/staff/api-clients/${retired.id}/revoke`).set('Authorization', `Bearer ${admin.token}`).send({}).expect(200);
    await post('requests.json', { ...waterInKadikoy(), api_key: revokedKey }).expect(403);
    // Only center admins hand out keys.
    await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ name: 'x', kind: 'open311' })
      .expect(403);
  });

  it('files a service request through intake: routed like any other, answered, and read back in JSON and XML with nothing personal', async () => {
    const filed = await post('requests.json', waterInKadikoy()).expect(200);
    expect(filed.body).toEqual([{ service_request_id: expect.stringMatching(/^\d{4}-\d{4}-\d{3}$/), service_notice: null, account_id: null }]);
    const id = filed.body[0].service_request_id as string;
    expect(await routedAgencyCode(stack.db, id)).toBe('ISKI-KDK');
    const { rows } = await stack.db.query('SELECT id, channel, body, language FROM applications WHERE tracking_number = $1', [id.replace(/-/g, '')]);
    expect(rows[0]).toMatchObject({
      channel: 'api',
      body: 'No water on Moda Caddesi since this morning.',
      language: 'en',
    });
    expect(await identityOf(stack.db, id.replace(/-/g, ''))).toMatchObject({ email: 'ayse.open311@example.org', name: 'Ayşe Yılmaz' });

    // The answer clock starts in the worker just after routing; expected_datetime is its deadline.
    await waitFor(
      async () => (await stack.db.query(`SELECT 1 FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [rows[0].id])).rowCount,
      10_000,
      'the answer clock',
    );
    const open = await get(`requests/${id}.json`).expect(200);
    expect(open.body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'water',
        service_name: 'Water and sewerage',
        agency_responsible: 'ISKI Kadikoy Branch',
        description: null,
        address: 'Kadikoy, Istanbul',
        lat: null,
        long: null,
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        expected_datetime: expect.stringMatching(/Z$/),
      }),
    ]);
    for (const personal of ['Ayşe', 'Yılmaz', 'ayse.open311', '5321112233', 'Moda Caddesi']) expect(open.text).not.toContain(personal);

    await actNow(stack, officer, rows[0].id, 'claim').expect(200);
    await actNow(stack, officer, rows[0].id, 'answers', { text: 'The main was repaired.' }).expect(201);
    const closed = xml((await get(`requests/${id}.xml?extensions=true`, 'tr').expect(200)).text).service_requests.request;
    expect(closed).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: catalogs.texts('portal', 'tr').status.events.answered,
      extended_attributes: { status: 'closed', petitio_status: 'answered' },
    });
    expect(JSON.stringify(closed)).not.toContain('repaired');
  });

  it("gives the spec's 400 for a request it cannot take, one error per field, and 404 for an unknown service", async () => {
    const noPlace = await post('requests.json', { ...waterInKadikoy(), 'attribute[district]': '' }).expect(400);
    expect(noPlace.body).toEqual([
      { code: 400, description: expect.stringMatching(/^lat: lat is required: one of lat\+long, address_string, attribute\[district\]$/) },
    ]);
    const bad = await post('requests.json', { ...waterInKadikoy(), description: '', lat: '91', long: '29', 'attribute[application_type]': 'praise' }).expect(
      400,
    );
    expect(bad.body.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual(['attribute[application_type]', 'description', 'lat']);
    const badContact = await post('requests.json', { ...waterInKadikoy(), email: 'not-an-address' }).expect(400);
    expect(badContact.body).toEqual([{ code: 400, description: 'email: email must be a valid email address' }]);
    const unknownDistrict = await post('requests.xml', { ...waterInKadikoy(), 'attribute[district]': 'TR-99-XXX' }).expect(400);
    expect(xml(unknownDistrict.text).errors.error.description).toMatch(/^attribute\[district\]: /);
    expect((await post('requests.json', { ...waterInKadikoy(), service_code: 'parking' }).expect(404)).body[0].code).toBe(404);
  });

  it('takes a point or an address instead of a district, the address joined to the text the agency reads', async () => {
    const filed = await post('requests.json', {
      ...waterInKadikoy(),
      'attribute[district]': '',
      address_string: 'Moda Cd. 12, Kadıköy',
      lat: '40.98',
      long: '29.03',
    }).expect(200);
    const { rows } = await stack.db.query('SELECT body, latitude, longitude FROM applications WHERE tracking_number = $1', [
      filed.body[0].service_request_id.replace(/-/g, ''),
    ]);
    expect(rows[0]).toEqual({ body: 'No water on Moda Caddesi since this morning.\n\nPlace given: Moda Cd. 12, Kadıköy', latitude: 40.98, longitude: 29.03 });
  });

  it('keeps every photo a client points to (one media_url each, as FixMyStreet sends them) and refuses one that is no web address', async () => {
    const form = (photos: string[]) => new URLSearchParams([...Object.entries(waterInKadikoy()), ...photos.map((url) => ['media_url', url])]).toString();
    const send = (photos: string[]) => request(stack.apiUrl).post('/open311/v2/requests.json').type('form').set('Accept-Language', 'en').send(form(photos));
    const filed = await send(['https://fixmystreet.example/photo/1.jpeg', 'https://fixmystreet.example/photo/2.jpeg']).expect(200);
    const { rows } = await stack.db.query('SELECT body FROM applications WHERE tracking_number = $1', [filed.body[0].service_request_id.replace(/-/g, '')]);
    expect(rows[0].body).toBe(
      'No water on Moda Caddesi since this morning.\n\nPhoto: https://fixmystreet.example/photo/1.jpeg\n\nPhoto: https://fixmystreet.example/photo/2.jpeg',
    );
    const refused = await send(['https://fixmystreet.example/photo/1.jpeg', 'javascript:alert(1)']).expect(400);
    expect(refused.body).toEqual([{ code: 400, description: expect.stringMatching(/^media_url: /) }]);
  });

  it('files a retried request once under its Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'kiosk-7-request-1' };
    const first = await post('requests.json', waterInKadikoy(), headers).expect(200);
    const again = await post('requests.json', waterInKadikoy(), headers).expect(200);
    expect(again.body).toEqual(first.body);
  });

  it("lists the requests Open311 clients filed with the spec's filters and paging, never the other channels'", async () => {
    const web = await submitRouted(stack);
    const mine = (await post('requests.json', waterInKadikoy()).expect(200)).body[0].service_request_id as string;
    const byId = (await get(`requests.json?service_request_id=${mine},${web.trackingNumber}`).expect(200)).body;
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([mine]);

    const all = (await get('requests.json').expect(200)).body as { service_request_id: string; status: string }[];
    expect(all.map((r) => r.service_request_id)).toContain(mine);
    expect(all.map((r) => r.service_request_id)).not.toContain(web.trackingNumber);
    expect((await get('requests.json?status=closed').expect(200)).body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect((await get('requests.json?service_code=roads').expect(200)).body).toEqual([]);
    expect((await get('requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00%2B03:00').expect(200)).body).toEqual([]);
    const page = (await get('requests.json?page_size=1&page=2').expect(200)).body;
    // The same request as the second of the whole list (its deadline may have started in between).
    expect(page.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([all[1].service_request_id]);
    const asXml = xml((await get('requests.xml?page_size=2').expect(200)).text).service_requests.request;
    expect(asXml).toHaveLength(2);

    const invalid = await get('requests.json?start_date=yesterday&status=pending').expect(400);
    expect(invalid.body.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual(['start_date', 'status']);
  });

  it('limits how many requests one key files a minute, with 429 and Retry-After', async () => {
    const busy = await issueKey('A busy kiosk');
    for (let i = 0; i < RATE_LIMIT; i++) await post('requests.json', { ...waterInKadikoy(), api_key: busy }).expect(200);
    const refused = await post('requests.json', { ...waterInKadikoy(), api_key: busy }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body[0].code).toBe(429);
    // Another key is not held back by it.
    await post('requests.json', waterInKadikoy()).expect(200);
  });

  it('issues a working key from the command line, for the first client before any admin signs in', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'issue-api-key', '--name', 'Municipal call centre'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: stack.env.DATABASE_URL },
    });
    const cliKey = stdout.trim().split('\n').pop()!;
    expect(cliKey).toMatch(/^ptk_[A-Za-z0-9_-]{43}$/);
    await post('requests.json', { ...waterInKadikoy(), api_key: cliKey }).expect(200);
    const { rows } = await stack.db.query(`SELECT encode(key_hash, 'hex') AS hash FROM api_clients WHERE name = 'Municipal call centre'`);
    expect(rows[0].hash).not.toContain(cliKey);
  });
});
