import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { submitRouted, versionOf } from './support/applications';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, agencyId, staffUser } from './support/staff';
import { ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';

const ATTEMPTS = 4;

/**
 * Signed webhooks as a receiver sees them: real deliveries to a loopback server, verified with the standardwebhooks
 * library's own verifier; failures, timeouts and 500s retried under one webhook-id until success and never after;
 * a receiver that keeps failing switched off with its owner told; replays; secret rotation with overlap; identity
 * only where allowed; and a worker killed mid-delivery losing nothing.
 */
describe('signed webhooks', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let officer: TestStaff;
  let receiver: WebhookReceiver;
  let agency: Record<string, string>;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    stack = await startStack({
      env: {
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '0.3',
        WEBHOOK_ATTEMPTS: String(ATTEMPTS),
        WEBHOOK_TIMEOUT_MS: '1500',
        WEBHOOK_SWEEP_AFTER_SECONDS: '1',
        WORKER_LOCK_MS: '5000',
        WORKER_STALLED_CHECK_MS: '2000',
      },
    });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI', ['supervisor']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    agency = { ISKI: await agencyId(stack.db, 'ISKI'), ASKI: await agencyId(stack.db, 'ASKI') };
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  const subscribe = (staff: TestStaff, body: Record<string, unknown>) =>
    request(stack.apiUrl).post('/api/v1/staff/webhooks').set('Authorization', `Bearer ${staff.token}`).send(body);
  async function subscribed(path: string, body: Record<string, unknown> = {}, staff = admin): Promise<{ id: string; secret: string }> {
    const res = await subscribe(staff, { url: receiver.url(path), events: ['application.routed'], agencyId: agency.ISKI, ...body }).expect(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    return { id: res.body.id, secret: res.body.secret };
  }
  const about = (id: string) => (r: ReceivedWebhook) => JSON.parse(r.body).data.applicationId === id;
  const arrivals = (path: string, applicationId: string, count: number, timeoutMs = 20_000) =>
    waitFor(
      async () => {
        const got = receiver.on(path).filter(about(applicationId));
        return got.length >= count && got;
      },
      timeoutMs,
      `${count} deliveries on ${path}`,
    );
  const verified = (secret: string, r: ReceivedWebhook) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as Record<string, unknown>;
  const deliveries = async (subscriptionId: string) =>
    (await request(stack.apiUrl).get(`/api/v1/staff/webhooks/${subscriptionId}/deliveries`).set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
  const act = async (staff: TestStaff, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(stack.apiUrl)
      .post(`/api/v1/staff/applications/${id}/${action}`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ version: await versionOf(stack, id), ...body });

  it('refuses a subscription it could not honour, field by field, and keeps nothing of it', async () => {
    const bad = await subscribe(admin, { url: 'ftp://cases.example/hook', events: ['application.routed'] }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'url', code: 'webhook_url' })]);
    const secretInUrl = await subscribe(admin, { url: 'http://user:pw@cases.example/hook', events: ['application.routed'] }).expect(400);
    expect(secretInUrl.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    const events = await subscribe(admin, { url: receiver.url('/x'), events: ['application.vanished'] }).expect(400);
    expect(events.body.errors).toEqual([expect.objectContaining({ field: 'events' })]);
    // A supervisor subscribes for their own agency, without identity.
    expect((await subscribe(supervisor, { url: receiver.url('/x'), events: ['application.routed'], agencyId: agency.ASKI }).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    await subscribe(supervisor, { url: receiver.url('/x'), events: ['application.routed'], agencyId: agency.ISKI, includeIdentity: true }).expect(403);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM webhook_subscriptions');
    expect(rows[0].n).toBe(0);
  });

  it('signs each event so the library verifies it, for the subscriptions whose subtree it concerns, with nothing personal', async () => {
    const iski = await subscribed('/iski', { events: ['application.routed', 'citizen.replied', 'application.answered', 'application.closed'] }, supervisor);
    const aski = await subscribed('/aski', { agencyId: agency.ASKI });
    const app = await submitRouted(stack);
    const [routed] = await arrivals('/iski', app.id, 1);
    const body = verified(iski.secret, routed);
    expect(body).toMatchObject({
      type: 'application.routed',
      data: {
        applicationId: app.id,
        trackingNumber: app.trackingNumber,
        status: 'routed',
        agency: { id: expect.any(String), code: 'ISKI-KDK' },
        topic: 'water',
      },
    });
    expect(routed.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(JSON.stringify(body)).not.toMatch(/Ayşe|532|Moda|citizen/);
    // Another secret does not verify it.
    expect(() => verified(aski.secret, routed)).toThrow();

    await act(officer, app.id, 'claim').then((r) => expect(r.status).toBe(200));
    await act(officer, app.id, 'information-requests', { question: 'Which building?' }).then((r) => expect(r.status).toBe(201));
    await request(stack.apiUrl).post(`/api/v1/applications/${app.trackingNumber}/replies`).send({ accessCode: app.accessCode, text: 'Number 12.' }).expect(201);
    await act(officer, app.id, 'answers', { text: 'Repaired.' }).then((r) => expect(r.status).toBe(201));
    await act(officer, app.id, 'close').then((r) => expect(r.status).toBe(200));
    const all = await arrivals('/iski', app.id, 4);
    // Deliveries run side by side, so they may arrive out of order; each says when its event happened.
    const events = all.map((r) => verified(iski.secret, r) as { type: string; timestamp: string });
    events.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    expect(events.map((e) => e.type)).toEqual(['application.routed', 'citizen.replied', 'application.answered', 'application.closed']);
    expect(new Set(all.map((r) => r.headers['webhook-id'])).size).toBe(4);
    expect(receiver.on('/aski').filter(about(app.id))).toEqual([]);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = $1', [aski.id]);
    expect(rows[0].n).toBe(0);
  });

  it('tells both agencies of a transfer, and the receiving one of the new routing', async () => {
    const both = await subscribed('/transfers', { agencyId: null, events: ['application.transferred'] });
    const app = await submitRouted(stack);
    await act(officer, app.id, 'transfers', { toAgencyId: agency.ASKI, reasonCode: 'misrouted' }).then((r) => expect(r.status).toBe(200));
    const [transfer] = await arrivals('/transfers', app.id, 1);
    expect(verified(both.secret, transfer)).toMatchObject({
      type: 'application.transferred',
      data: { toAgencyId: agency.ASKI, status: 'routed', agency: { code: 'ASKI' } },
    });
  });

  it('retries a receiver that answers 500 or times out, under one webhook-id, and stops once it succeeds', async () => {
    const flaky = await subscribed('/flaky');
    receiver.plan('/flaky', [{ status: 500 }, { status: 200, delayMs: 3000 }, { status: 503 }], { status: 200 });
    const app = await submitRouted(stack);
    const got = await arrivals('/flaky', app.id, 4);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [delivery] = await waitFor(
      async () => {
        const list = (await deliveries(flaky.id)).filter((d: { applicationId: string }) => d.applicationId === app.id);
        return list[0]?.status === 'delivered' && list;
      },
      10_000,
      'the delivery to succeed',
    );
    expect(delivery.webhookId).toBe(got[0].headers['webhook-id']);
    expect(delivery.attempts.map((a: { statusCode: number | null; error: string | null }) => [a.statusCode, a.error])).toEqual([
      [500, 'status 500'],
      [null, 'timeout'],
      [503, 'status 503'],
      [200, null],
    ]);
    // Nothing more after the success.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.on('/flaky').filter(about(app.id))).toHaveLength(4);
  });

  it('switches off a receiver that keeps failing, tells whoever subscribed it, and replays once it works again', async () => {
    const failing = await subscribed('/down');
    receiver.plan('/down', [], { status: 500 });
    const app = await submitRouted(stack);
    await arrivals('/down', app.id, ATTEMPTS);
    const subscription = await waitFor(
      async () => {
        const list = (await request(stack.apiUrl).get('/api/v1/staff/webhooks').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
        const found = list.find((s: { id: string }) => s.id === failing.id);
        return found.status === 'disabled' && found;
      },
      10_000,
      'the subscription to be switched off',
    );
    expect(subscription.disabledReason).toBe('failing');
    const [delivery] = (await deliveries(failing.id)).filter((d: { applicationId: string }) => d.applicationId === app.id);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(ATTEMPTS);
    const { rows } = await stack.db.query(`SELECT recipient, params FROM outgoing_messages WHERE template = 'staff_webhook_disabled'`);
    expect(rows).toEqual([
      { recipient: admin.email, params: { subscriptionId: failing.id, host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), attempts: ATTEMPTS } },
    ]);
    // Switched off, it is sent nothing new.
    const later = await submitRouted(stack);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.on('/down').filter(about(later.id))).toEqual([]);

    receiver.plan('/down', [], { status: 200 });
    await request(stack.apiUrl).post(`/api/v1/staff/webhooks/${failing.id}/enable`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    await request(stack.apiUrl).post(`/api/v1/staff/webhooks/deliveries/${delivery.id}/replay`).set('Authorization', `Bearer ${admin.token}`).expect(202);
    const replayed = await arrivals('/down', app.id, ATTEMPTS + 1);
    expect(replayed.at(-1)!.headers['webhook-id']).toBe(delivery.webhookId);
    verified(failing.secret, replayed.at(-1)!);
    await waitFor(
      async () => (await deliveries(failing.id)).find((d: { id: string }) => d.id === delivery.id).status === 'delivered',
      10_000,
      'the replay to be delivered',
    );
  });

  it('resumes, when switched back on, the deliveries left pending while staff had it off', async () => {
    const paused = await subscribed('/paused');
    receiver.plan('/paused', [], { status: 500 });
    const app = await submitRouted(stack);
    await arrivals('/paused', app.id, 1);
    // Off while the delivery waits for its next attempt (the retries of this stack take about 2 s in all).
    await request(stack.apiUrl).post(`/api/v1/staff/webhooks/${paused.id}/disable`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    const sentBeforeOff = receiver.on('/paused').filter(about(app.id)).length;
    // Its next attempts fall due and are skipped, several sweeps (one a second) going by.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(receiver.on('/paused').filter(about(app.id)).length).toBeLessThanOrEqual(sentBeforeOff + 1);
    const [pending] = (await deliveries(paused.id)).filter((d: { applicationId: string }) => d.applicationId === app.id);
    expect(pending.status).toBe('pending');
    const sentWhileOff = receiver.on('/paused').filter(about(app.id)).length;

    receiver.plan('/paused', [], { status: 200 });
    const enabled = await request(stack.apiUrl).post(`/api/v1/staff/webhooks/${paused.id}/enable`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(enabled.body.status).toBe('active');
    // No replay asked for: switching on sends it, under the same webhook id, once.
    const resumed = await arrivals('/paused', app.id, sentWhileOff + 1, 10_000);
    expect(resumed.at(-1)!.headers['webhook-id']).toBe(pending.webhookId);
    verified(paused.secret, resumed.at(-1)!);
    await waitFor(
      async () => (await deliveries(paused.id)).find((d: { id: string }) => d.id === pending.id).status === 'delivered',
      10_000,
      'the resumed delivery to be delivered',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.on('/paused').filter(about(app.id))).toHaveLength(sentWhileOff + 1);
  });

  it('signs with the old and the new secret while a rotation overlaps, then with the new one only', async () => {
    const rotating = await subscribed('/rotating');
    const rotated = await request(stack.apiUrl)
      .post(`/api/v1/staff/webhooks/${rotating.id}/rotate-secret`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ overlapHours: 1 })
      .expect(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(rotating.secret);
    const app = await submitRouted(stack);
    const [overlapping] = await arrivals('/rotating', app.id, 1);
    expect(verified(rotating.secret, overlapping).type).toBe('application.routed');
    expect(verified(fresh, overlapping).type).toBe('application.routed');

    await request(stack.apiUrl)
      .post(`/api/v1/staff/webhooks/${rotating.id}/rotate-secret`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ overlapHours: 0 })
      .expect(200)
      .then((res) => (rotating.secret = res.body.secret));
    const next = await submitRouted(stack);
    const [after] = await arrivals('/rotating', next.id, 1);
    expect(verified(rotating.secret, after).type).toBe('application.routed');
    expect(() => verified(fresh, after)).toThrow();
  });

  it("carries the citizen's identity only where the center allowed it, and never from a confidential application", async () => {
    const identified = await subscribed('/identity', { includeIdentity: true });
    const open = await submitRouted(stack);
    const confidential = await submitRouted(stack, { confidential: true });
    const [withName] = await arrivals('/identity', open.id, 1);
    expect(verified(identified.secret, withName)).toMatchObject({ data: { citizen: { name: 'Ayşe Yılmaz', phone: '+905321234567' } } });
    const [withoutName] = await arrivals('/identity', confidential.id, 1);
    expect(verified(identified.secret, withoutName).data).not.toHaveProperty('citizen');
  });

  it('loses no delivery when the worker sending it is killed', async () => {
    const slow = await subscribed('/slow');
    receiver.plan('/slow', [{ status: 200, delayMs: 1000 }], { status: 200 });
    const app = await submitRouted(stack);
    await arrivals('/slow', app.id, 1);
    // The attempt is in flight: the worker dies before it hears the answer.
    await stack.workers[0].kill('SIGKILL');
    await stack.startWorker();
    const [delivery] = await waitFor(
      async () => {
        const list = (await deliveries(slow.id)).filter((d: { applicationId: string }) => d.applicationId === app.id);
        return list[0]?.status === 'delivered' && list;
      },
      40_000,
      'the delivery to be made by the new worker',
    );
    const got = receiver.on('/slow').filter(about(app.id));
    expect(got.length).toBeGreaterThanOrEqual(2);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.webhookId]));
    expect(delivery.attempts.at(-1)).toMatchObject({ statusCode: 200, error: null });
  });
});
