import { randomInt, randomUUID } from 'node:crypto';
import { routedAgencyCode, validApplication } from './support/applications';
import { waitFor } from './support/ports';
import { RunningProcess, TestStack, startStack } from './support/stack';

async function scrape(process: RunningProcess): Promise<string> {
  const res = await fetch(`${process.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample, e.g. `petitio_queue_jobs{queue="routing",state="completed"}`; undefined when absent. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('observability', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The most talkative level: whatever a process can log, it logs here.
    stack = await startStack({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(() => stack?.stop());

  it('counts intake requests in the api and routing jobs in the worker', async () => {
    const submitted = 3;
    const trackingNumbers: string[] = [];
    for (let i = 0; i < submitted; i++) {
      const res = await fetch(`${stack.apiUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validApplication()),
      });
      expect(res.status).toBe(201);
      trackingNumbers.push((await res.json()).trackingNumber);
    }
    for (const trackingNumber of trackingNumbers) await routedAgencyCode(stack.db, trackingNumber);

    const api = await scrape(stack.api);
    expect(sample(api, 'petitio_http_requests_total{method="POST",route="/api/v1/applications",status="201"}')).toBe(submitted);
    expect(sample(api, 'petitio_http_request_duration_seconds_count{method="POST",route="/api/v1/applications"}')).toBe(submitted);

    const worker = stack.workers[0];
    const metrics = await waitFor(
      async () => {
        const text = await scrape(worker);
        const completed = sample(text, 'petitio_jobs_processed_total{queue="routing",outcome="completed"}');
        return completed === submitted && sample(text, 'petitio_outbox_backlog') === 0 ? text : undefined;
      },
      10_000,
      'the worker to count its completed routing jobs and an empty outbox',
    );
    expect(sample(metrics, 'petitio_queue_jobs{queue="routing",state="completed"}')).toBe(submitted);
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(sample(metrics, `petitio_queue_jobs{queue="routing",state="${state}"}`)).toBe(0);
    }
  });

  it('times each refresh of the dashboard rollups in the worker', async () => {
    // The default interval is 5 s: the first refreshes come within a few of them.
    const refreshes = await waitFor(
      async () => sample(await scrape(stack.workers[0]), 'petitio_dashboard_refresh_seconds_count'),
      15_000,
      'a timed rollup refresh',
    );
    expect(refreshes).toBeGreaterThanOrEqual(1);
  });

  it('never writes the citizen’s phone number, email or words to any log', async () => {
    const subscriber = String(randomInt(1_000_000, 10_000_000));
    const national = `532${subscriber}`;
    const marker = randomUUID();
    const application = validApplication({
      subject: `Subject ${marker}`,
      body: `Body ${marker}: no water on Moda Caddesi since Monday.`,
      citizen: { name: `Name ${marker}`, phone: `0${national}`, email: `citizen-${marker}@example.org` },
    });
    const res = await fetch(`${stack.apiUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'observability-test' },
      body: JSON.stringify(application),
    });
    expect(res.status).toBe(201);
    const { trackingNumber, accessCode } = await res.json();
    await routedAgencyCode(stack.db, trackingNumber);
    // Also the paths that echo input back: refused input and a status lookup.
    const refused = await fetch(`${stack.apiUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...application, priority: marker }),
    });
    expect(refused.status).toBe(400);
    const lookup = await fetch(`${stack.apiUrl}/api/v1/applications/${trackingNumber}/status`, { headers: { 'x-access-code': accessCode } });
    expect(lookup.status).toBe(200);
    await waitFor(
      async () => sample(await scrape(stack.workers[0]), 'petitio_jobs_processed_total{queue="routing",outcome="completed"}')! >= 1,
      10_000,
      'the routing job to finish',
    );

    const logs = [stack.api, ...stack.workers].map((p) => p.text()).join('\n');
    // The processes did log (at trace level the request lines are there), so the search means something.
    expect(logs).toContain('"service":"petitio-api"');
    expect(logs).toContain('"service":"petitio-worker"');
    // Each request has one line with its id, its masked path and its status.
    const requestLines = logs
      .split('\n')
      .filter((l) => l.includes('"msg":"request completed"'))
      .map((l) => JSON.parse(l));
    expect(requestLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', path: '/api/v1/applications', status: 201, reqId: expect.any(String) }),
        expect.objectContaining({ method: 'GET', path: `/api/v1/applications/****-****-${trackingNumber.slice(-3)}/status`, status: 200 }),
      ]),
    );
    for (const secret of [marker, national, `+90${national}`, accessCode]) {
      expect({ secret, found: logs.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
