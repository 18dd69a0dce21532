import request from 'supertest';
import { submitRouted } from './support/applications';
import { consoleCookie, consoleForm, consolePage, errorNextTo, hiddenIn } from './support/console-forms';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * The console's pages for other systems, as a browser without JavaScript uses them: API keys issued (shown once),
 * listed and revoked by center admins; webhook receivers subscribed by supervisors for their agency, with each
 * delivery's attempts, replay, switching off and on, and secret rotation; everything scoped as the JSON API is.
 */
describe('console pages for API keys and webhooks', () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let otherSupervisor: TestStaff;
  let adminCookie: string;
  let supervisorCookie: string;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    stack = await startStack({ env: { WEBHOOK_ALLOW_HTTP: 'true', OPEN311_REQUESTS_PER_MINUTE: '1000' } });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false });
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor'], { signIn: false });
    otherSupervisor = await staffUser(stack.db, stack.apiUrl, 'ASKI', ['supervisor'], { signIn: false });
    adminCookie = await consoleCookie(stack, admin);
    supervisorCookie = await consoleCookie(stack, supervisor);
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  /** Sends a form from `page` as its user would (with the page's CSRF token) and checks the answer's status. */
  const form = async (cookie: string, page: string, action: string, fields: Record<string, string | string[]>, status: number, language = 'en') => {
    const csrf = hiddenIn((await consolePage(stack, cookie, page, language).expect(200)).text, '_csrf');
    return consoleForm(stack, cookie, action, { _csrf: csrf, ...fields }, language).expect(status);
  };
  const open311 = (key: string) =>
    request(stack.apiUrl)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: key, service_code: 'water', 'attribute[district]': 'TR-34-KDK', description: 'Burst pipe on Moda Caddesi.' });
  const count = async (table: string) => (await stack.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  it('issues an API key shown once, lists it by its hint only, and revokes it', async () => {
    const issued = await form(adminCookie, '/staff/admin/api-clients', '/staff/admin/api-clients', { name: 'City of Kadıköy app', kind: 'open311' }, 201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const key = /id="issued-key" value="(ptk_[^"]+)"/.exec(issued.text)![1];
    await open311(key).expect(200);

    const list = (await consolePage(stack, adminCookie, '/staff/admin/api-clients').expect(200)).text;
    expect(list).toContain('City of Kadıköy app');
    expect(list).toContain(`…${key.slice(-4)}`);
    expect(list).not.toContain(key);

    const [{ id }] = (await stack.db.query(`SELECT id FROM api_clients WHERE name = 'City of Kadıköy app'`)).rows;
    const revoked = await form(adminCookie, '/staff/admin/api-clients', `/staff/admin/api-clients/${id}/revoke`, {}, 303);
    expect(revoked.headers.location).toBe('/staff/admin/api-clients?done=revoked');
    expect((await consolePage(stack, adminCookie, revoked.headers.location).expect(200)).text).toContain('The key was revoked');
    await open311(key).expect(403);
  });

  it('refuses a key it could not issue next to each field, in the page language, and writes nothing', async () => {
    const before = await count('api_clients');
    const refused = await form(adminCookie, '/staff/admin/api-clients', '/staff/admin/api-clients', { name: '', kind: 'agency', agencyId: '' }, 400, 'tr');
    expect(errorNextTo(refused.text, 'name')).toBe('Anahtarı kimin kullanacağını yazın.');
    expect(errorNextTo(refused.text, 'agencyId')).toBe('Bir kurum seçin.');
    expect(await count('api_clients')).toBe(before);
    // Only center admins hold keys.
    await consolePage(stack, supervisorCookie, '/staff/admin/api-clients').expect(403);
  });

  it('lets a supervisor subscribe their agency, see each delivery’s attempts, replay one, switch off and on, rotate the secret', async () => {
    const bad = await form(supervisorCookie, '/staff/admin/webhooks', '/staff/admin/webhooks', { url: 'ftp://cases.example/hook', events: [] }, 400);
    expect(errorNextTo(bad.text, 'url')).toBe('Give an https address, without a user name or password.');
    expect(errorNextTo(bad.text, 'events')).toBe('Choose at least one event.');
    expect(await count('webhook_subscriptions')).toBe(0);

    const subscribed = await form(
      supervisorCookie,
      '/staff/admin/webhooks',
      '/staff/admin/webhooks',
      {
        url: receiver.url('/console'),
        events: ['application.routed', 'application.answered'],
      },
      201,
    );
    expect(subscribed.text).toMatch(/id="signing-secret" value="whsec_[^"]+"/);
    const [subscription] = (await stack.db.query('SELECT id, agency_id FROM webhook_subscriptions')).rows;
    expect(subscription.agency_id).toBe(await agencyId(stack.db, 'ISKI'));
    const page = `/staff/admin/webhooks/${subscription.id}`;
    expect((await consolePage(stack, supervisorCookie, '/staff/admin/webhooks').expect(200)).text).toContain(`href="${page}"`);

    const app = await submitRouted(stack);
    // Only this application's: the Open311 request filed above may be routed after the subscription on a busy machine.
    const arrived = () => receiver.on('/console').filter((r) => JSON.parse(r.body).data.applicationId === app.id);
    const [first] = await waitFor(async () => arrived().length >= 1 && arrived(), 20_000, 'the first delivery');
    const shown = await waitFor(
      async () => {
        const text = (await consolePage(stack, supervisorCookie, page).expect(200)).text;
        return text.includes('Delivered') && text;
      },
      10_000,
      'the delivery on its page',
    );
    expect(shown).toContain(String(first.headers['webhook-id']));
    expect(shown).toMatch(/answered 204 in \d+ ms/);
    expect(shown).toContain(`href="/staff/applications/${app.id}"`);

    const [{ id: deliveryId }] = (await stack.db.query('SELECT id FROM webhook_deliveries WHERE application_id = $1', [app.id])).rows;
    const replayed = await form(supervisorCookie, page, `/staff/admin/webhooks/deliveries/${deliveryId}/replay`, {}, 303);
    expect(replayed.headers.location).toBe(`${page}?done=replayed`);
    const again = await waitFor(async () => arrived().length >= 2 && arrived(), 20_000, 'the replay');
    expect(again[1].headers['webhook-id']).toBe(first.headers['webhook-id']);

    expect((await form(supervisorCookie, page, `${page}/disable`, {}, 303)).headers.location).toBe(`${page}?done=disabled`);
    expect((await consolePage(stack, supervisorCookie, page).expect(200)).text).toContain('Switched off by staff');
    expect((await form(supervisorCookie, page, `${page}/enable`, {}, 303)).headers.location).toBe(`${page}?done=enabled`);
    const rotated = await form(supervisorCookie, page, `${page}/rotate-secret`, {}, 200);
    expect(rotated.text).toContain('the old one keeps signing beside it for 24 hours');

    // Another agency's supervisor does not see it, nor can act on it.
    const otherCookie = await consoleCookie(stack, otherSupervisor);
    expect((await consolePage(stack, otherCookie, '/staff/admin/webhooks').expect(200)).text).not.toContain(subscription.id);
    await consolePage(stack, otherCookie, page).expect(404);
    await form(otherCookie, '/staff/admin/webhooks', `/staff/admin/webhooks/deliveries/${deliveryId}/replay`, {}, 404);
  });

  it('lets a center admin subscribe for every agency with identity allowed; a supervisor’s form offers neither', async () => {
    // A tampered agency field is refused next to it, not answered with a server error.
    const tampered = await form(
      adminCookie,
      '/staff/admin/webhooks',
      '/staff/admin/webhooks',
      { url: receiver.url('/x'), events: 'application.closed', agencyId: 'not-an-id' },
      400,
    );
    expect(errorNextTo(tampered.text, 'agencyId')).toBe('Choose an agency.');
    const supervisorForm = (await consolePage(stack, supervisorCookie, '/staff/admin/webhooks').expect(200)).text;
    expect(supervisorForm).not.toContain('name="agencyId"');
    expect(supervisorForm).not.toContain('name="includeIdentity"');
    await form(
      adminCookie,
      '/staff/admin/webhooks',
      '/staff/admin/webhooks',
      {
        url: receiver.url('/center'),
        events: 'application.closed',
        agencyId: '',
        includeIdentity: 'true',
      },
      201,
    );
    const { rows } = await stack.db.query(`SELECT agency_id, include_identity, events FROM webhook_subscriptions WHERE url LIKE '%/center'`);
    expect(rows).toEqual([{ agency_id: null, include_identity: true, events: ['application.closed'] }]);
  });
});
