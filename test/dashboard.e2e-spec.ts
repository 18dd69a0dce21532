import http from 'node:http';
import request from 'supertest';
import { localDate, addDays } from '@petitio/reporting';
import { consoleCookie } from './support/console-forms';
import { claimAndAnswer } from './support/casework-disposition';
import { RoutedApplication as Case, submitRouted as submitCase } from './support/applications';
import { durationFigures, histogramOf, histogramQuantile } from '@petitio/reporting';
import { rollupsCaughtUp } from './support/dashboard-rollups';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

const ZONE = 'Europe/Istanbul';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The median in days, as the public statistics estimate it from the durations' histogram, to a tenth of a day. */
function medianDays(seconds: number[]): number {
  return Math.round((histogramQuantile(histogramOf(seconds), 0.5)! / 86_400) * 10) / 10;
}

/** The headline figures as the page shows them. */
function headlineOf(page: string): Record<string, number> {
  return Object.fromEntries([...page.matchAll(/data-figure="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
}

/** The cells of a table's rows, by data-key: the row header and the data cells, tags dropped. */
function tableOf(page: string, id: string): Map<string, string[]> {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1];
  if (table === undefined) throw new Error(`the page has no table ${id}`);
  return new Map(
    [...table.matchAll(/<tr data-key="([^"]*)">([\s\S]*?)<\/tr>/g)].map((m) => [
      m[1],
      [...m[2].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]*>/g, '').trim()),
    ]),
  );
}

/** The long CSV as section|key|measure → value. */
function csvOf(text: string): Map<string, string> {
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('section,key,measure,value');
  return new Map(
    lines.slice(1).map((line) => {
      const [section, key, measure, value] = line.split(',');
      return [`${section}|${key}|${measure}`, value];
    }),
  );
}

describe('the SLA dashboard (center admins, and supervisors for their subtree)', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let kadikoySupervisor: TestStaff;
  let officer: TestStaff;
  let cookies: Map<TestStaff, string>;
  /** Breached, at risk, open 10 days and transferred twice, Üsküdar, answered in time (SMS), answered late, open 40 days. */
  let breached: Case, atRisk: Case, older: Case, uskudar: Case, onTime: Case, late: Case, ancient: Case;
  let atRiskDeadline: Date;

  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);
  const get = (staff: TestStaff, path: string) => request(stack.apiUrl).get(path).set('Accept-Language', 'en').set('Cookie', cookies.get(staff)!).redirects(0);
  const answerClockStarted = (c: Case) =>
    waitFor(
      async () => (await stack.db.query(`SELECT 1 FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rowCount === 1,
      10000,
      `the answer clock of ${c.id}`,
    );

  beforeAll(async () => {
    stack = await startStack({
      env: {
        CALENDAR_TIME_ZONE: ZONE,
        DASHBOARD_LIVE_INTERVAL_MS: '300',
        DASHBOARD_REFRESH_MS: '200',
        PUBLIC_STATISTICS_CACHE_SECONDS: '0',
        PUBLIC_STATISTICS_MIN_COUNT: '7',
      },
    });
    expect((await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n).toBe(0);
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin'], { signIn: false });
    kadikoySupervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor'], { signIn: false });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    cookies = new Map([
      [admin, await signIn(admin)],
      [kadikoySupervisor, await signIn(kadikoySupervisor)],
      [officer, await signIn(officer)],
    ]);

    [breached, atRisk, older, onTime, late, ancient] = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => submitCase(stack, { subject: `Water cut ${i}` })));
    uskudar = await submitCase(stack, { subject: 'Water cut in Üsküdar', location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' } });
    // No Üsküdar branch: the router sends it to ISKI itself, above the Kadıköy branch.
    expect(uskudar.agency).toBe('ISKI');
    for (const c of [breached, atRisk, older, onTime, late, ancient, uskudar]) await answerClockStarted(c);
    await claimAndAnswer(stack, officer, onTime.id, 'The pipe was repaired.');
    await claimAndAnswer(stack, officer, late.id, 'The pipe was repaired at last.');

    // Deadlines: first responses far away so that only the answer clocks below are due, one passed, one in two hours.
    const now = Date.now();
    atRiskDeadline = new Date(now + 2 * HOUR);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() + interval '40 days' WHERE kind = 'first_response' AND stopped_at IS NULL`);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = $2 WHERE application_id = $1 AND kind = 'answer'`, [breached.id, new Date(now - 2 * HOUR)]);
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = $2 WHERE application_id = $1 AND kind = 'answer'`, [atRisk.id, atRiskDeadline]);
    // The late answer: received ten days ago, answered two days ago, an hour after its deadline.
    await stack.db.query(`UPDATE applications SET created_at = now() - interval '10 days', answered_at = now() - interval '2 days', rating = 2 WHERE id = $1`, [
      late.id,
    ]);
    await stack.db.query(
      `UPDATE sla_clocks SET deadline_at = now() - interval '2 days 1 hour', stopped_at = now() - interval '2 days' WHERE application_id = $1 AND kind = 'answer'`,
      [late.id],
    );
    await stack.db.query(`UPDATE applications SET channel = 'sms', rating = 4 WHERE id = $1`, [onTime.id]);
    await stack.db.query(`UPDATE applications SET created_at = now() - interval '10 days', transfer_count = 2 WHERE id = $1`, [older.id]);
    await stack.db.query(`UPDATE applications SET transfer_count = 1 WHERE id = $1`, [atRisk.id]);
    await stack.db.query(`UPDATE applications SET created_at = now() - interval '40 days' WHERE id = $1`, [ancient.id]);
    await rollupsCaughtUp(stack.db);
  }, 120_000);
  afterAll(() => stack?.stop());

  describe('for a center admin (everything)', () => {
    let page: string;
    beforeAll(async () => {
      page = (await get(admin, '/staff/dashboard').expect(200)).text;
    });

    it('counts open, received today, due today, at risk and breached applications as they stand', () => {
      const today = localDate(new Date(), ZONE);
      expect(headlineOf(page)).toEqual({
        open: 5, // breached, at risk, older, Üsküdar, ancient
        receivedToday: 4, // breached, at risk, Üsküdar, on time
        dueToday: localDate(atRiskDeadline, ZONE) === today ? 1 : 0,
        atRisk: 1,
        breached: 1,
      });
    });

    it('gives the share answered within the deadline by agency, type, topic and channel, over the period', () => {
      expect(tableOf(page, 'within-agency').get('ISKI-KDK')?.slice(1)).toEqual(['2', '1', '50%']);
      expect(tableOf(page, 'within-agency').size).toBe(1);
      expect(tableOf(page, 'within-type').get('complaint')?.slice(1)).toEqual(['2', '1', '50%']);
      expect(tableOf(page, 'within-topic').get('water')?.slice(1)).toEqual(['2', '1', '50%']);
      expect(tableOf(page, 'within-channel').get('web')?.slice(1)).toEqual(['1', '0', '0%']);
      expect(tableOf(page, 'within-channel').get('sms')?.slice(1)).toEqual(['1', '1', '100%']);
    });

    it('gives the median and 90th percentile of the time to first response and to answer', async () => {
      const { rows } = await stack.db.query(
        `SELECT extract(epoch FROM a.answered_at - a.created_at)::float AS answer,
           extract(epoch FROM (SELECT min(c.stopped_at) FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'first_response') - a.created_at)::float AS first
         FROM applications a WHERE a.id <> $1`,
        [ancient.id],
      );
      const answers = rows.map((r) => r.answer).filter((v): v is number => v !== null);
      const firsts = rows.map((r) => r.first).filter((v): v is number => v !== null);
      expect(answers).toHaveLength(2);
      // Estimated from the rollups' histograms: the same estimate from the raw durations.
      const hours = (s: number | null) => (s === null ? '–' : `${(s / 3600).toFixed(1)} h`);
      const answer = durationFigures(histogramOf(answers));
      const first = durationFigures(histogramOf(firsts));
      expect(tableOf(page, 'response-times').get('answer')).toEqual(['Answer', '2', hours(answer.median), hours(answer.p90)]);
      expect(tableOf(page, 'response-times').get('first-response')).toEqual(['First response', String(firsts.length), hours(first.median), hours(first.p90)]);
    });

    it('sorts open applications into aging buckets, whatever the period', () => {
      const aging = tableOf(page, 'aging');
      expect([...aging].map(([key, cells]) => [key, cells[1]])).toEqual([
        ['0-7', '3'],
        ['8-15', '1'],
        ['16-30', '0'],
        ['31+', '1'],
      ]);
    });

    it('counts transfers per application, the channel mix and the ratings of the period', () => {
      const transfers = tableOf(page, 'transfers');
      expect(transfers.get('applications')?.[1]).toBe('6'); // the ancient one came in before the period
      expect(transfers.get('transfers')?.[1]).toBe('3');
      expect(transfers.get('per-application')?.[1]).toBe((3 / 6).toFixed(2));
      expect(transfers.get('ping-pong')?.[1]).toBe('1');
      expect(Object.fromEntries([...tableOf(page, 'channels')].map(([k, c]) => [k, c[1]]))).toEqual({ web: '5', sms: '1' });
      const satisfaction = tableOf(page, 'satisfaction');
      expect(satisfaction.get('ratings')?.[1]).toBe('2');
      expect(satisfaction.get('average')?.[1]).toBe('3');
      expect([1, 2, 3, 4, 5].map((n) => satisfaction.get(String(n))?.[1])).toEqual(['0', '1', '0', '1', '0']);
    });

    it('draws a daily trend of the last 30 days, received and answered, as a chart with a table of the same figures', () => {
      const now = new Date();
      const today = localDate(now, ZONE);
      const trend = tableOf(page, 'trend');
      expect(trend.size).toBe(30);
      expect([...trend.keys()][0]).toBe(addDays(today, -29));
      const expected = new Map<string, [number, number]>();
      const bump = (at: Date, i: 0 | 1) => {
        const day = localDate(at, ZONE);
        const row = expected.get(day) ?? [0, 0];
        row[i] += 1;
        expected.set(day, row);
      };
      for (let i = 0; i < 4; i++) bump(now, 0);
      bump(now, 1); // answered in time, today
      bump(new Date(now.getTime() - 10 * DAY), 0);
      bump(new Date(now.getTime() - 10 * DAY), 0);
      bump(new Date(now.getTime() - 2 * DAY), 1);
      for (const [day, cells] of trend) expect([day, cells.slice(1)]).toEqual([day, (expected.get(day) ?? [0, 0]).map(String)]);
      expect(page).toMatch(/<svg class="chart" role="img" aria-labelledby="trend-chart-title"/);
      expect((page.match(/<rect /g) ?? []).length).toBe(60);
    });

    it('links at risk and breached to the inbox filtered the same way, which lists exactly those applications', async () => {
      expect(page).toContain('<a href="/staff/inbox?due=overdue"><span data-figure="breached">1</span>');
      expect(page).toContain('<a href="/staff/inbox?due=soon"><span data-figure="atRisk">1</span>');
      const inbox = (await get(admin, '/staff/inbox?due=overdue').expect(200)).text;
      expect([...inbox.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1])).toEqual([breached.id]);
    });

    it('exports the same figures as CSV with the same filters', async () => {
      const res = await get(admin, '/staff/dashboard.csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sla-dashboard-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
      const csv = csvOf(res.text);
      for (const [figure, value] of Object.entries(headlineOf(page))) expect([figure, csv.get(`headline||${figure}`)]).toEqual([figure, String(value)]);
      for (const [bucket, cells] of tableOf(page, 'aging')) expect(csv.get(`aging_days|${bucket}|open`)).toBe(cells[1]);
      for (const [day, cells] of tableOf(page, 'trend')) expect([csv.get(`trend|${day}|received`), csv.get(`trend|${day}|answered`)]).toEqual(cells.slice(1));
      expect([csv.get('within_deadline_by_agency|ISKI-KDK|answered'), csv.get('within_deadline_by_agency|ISKI-KDK|within_deadline')]).toEqual(['2', '1']);
      expect(csv.get('satisfaction||ratings')).toBe('2');
      expect(csv.get('transfers||transfers')).toBe('3');

      const narrowed = csvOf((await get(admin, '/staff/dashboard.csv?agency=ISKI-KDK').expect(200)).text);
      expect(narrowed.get('headline||open')).toBe('4');
    });

    it('narrows every figure by agency subtree, type, topic, channel and period', async () => {
      expect(headlineOf((await get(admin, '/staff/dashboard?agency=ISKI-KDK').expect(200)).text)).toMatchObject({ open: 4, receivedToday: 3, breached: 1 });
      expect(headlineOf((await get(admin, '/staff/dashboard?agency=ISKI').expect(200)).text)).toMatchObject({ open: 5 });
      expect(headlineOf((await get(admin, '/staff/dashboard?channel=sms').expect(200)).text)).toMatchObject({ open: 0, receivedToday: 1 });
      expect(headlineOf((await get(admin, '/staff/dashboard?topic=roads').expect(200)).text)).toMatchObject({ open: 0, receivedToday: 0 });
      expect(headlineOf((await get(admin, '/staff/dashboard?type=request').expect(200)).text)).toMatchObject({ open: 0 });
      const today = localDate(new Date(), ZONE);
      const lastWeek = (await get(admin, `/staff/dashboard?from=${addDays(today, -6)}&to=${today}`).expect(200)).text;
      expect(tableOf(lastWeek, 'trend').size).toBe(7);
      expect(tableOf(lastWeek, 'transfers').get('applications')?.[1]).toBe('4');
      // Narrowed, a figure links to the inbox narrowed the same way (test/dashboard-drilldown follows every link).
      expect((await get(admin, '/staff/dashboard?channel=web').expect(200)).text).toContain('href="/staff/inbox?channel=web&amp;due=overdue"');
    });

    it('reads a year from the monthly rollup and its ragged ends from the daily one: the same totals, a trend point per month', async () => {
      const today = localDate(new Date(), ZONE);
      const year = (await get(admin, `/staff/dashboard?from=${addDays(today, -364)}&to=${today}`).expect(200)).text;
      const trend = tableOf(year, 'trend');
      expect(trend.size).toBeGreaterThanOrEqual(12);
      expect([...trend.keys()][0]).toBe(addDays(today, -364));
      expect([...trend.keys()].slice(1).every((day) => day.endsWith('-01'))).toBe(true);
      const column = (i: number) => [...trend.values()].reduce((sum, cells) => sum + Number(cells[i]), 0);
      expect([column(1), column(2)]).toEqual([7, 2]);
      // The application received forty days ago lies in a whole month: only the monthly rollup counts it.
      expect(tableOf(year, 'transfers').get('applications')?.[1]).toBe('7');
      expect(tableOf(year, 'within-agency').get('ISKI-KDK')?.slice(1)).toEqual(['2', '1', '50%']);
      expect(tableOf(year, 'channels').get('web')?.[1]).toBe('6');
    });

    it('keeps every month of the rollup equal to the sum of its days, after days were taken out of it and added back', async () => {
      const key = ['dims', 'agency_id', 'type_code', 'topic_id', 'channel'];
      const { rows } = await stack.db.query(
        `WITH d AS (SELECT date_trunc('month', day)::date AS month, ${key.join(', ')}, sum(received)::int AS received, sum(answered)::int AS answered,
                      sum(answered_in_period)::int AS answered_in_period, sum(transfers)::int AS transfers, sum(answer_histogram[1])::int AS fast_answers
                    FROM dashboard_daily GROUP BY 1, ${key.join(', ')})
         SELECT d.*, m.received AS m_received, m.answered AS m_answered, m.answered_in_period AS m_answered_in_period, m.transfers AS m_transfers,
           m.answer_histogram[1] AS m_fast_answers
         FROM d FULL JOIN dashboard_monthly m ON m.month = d.month AND ${key.map((c) => `m.${c} IS NOT DISTINCT FROM d.${c}`).join(' AND ')}`,
      );
      expect(rows.length).toBeGreaterThan(16);
      const differing = rows.filter((r) => ['received', 'answered', 'answered_in_period', 'transfers', 'fast_answers'].some((c) => r[c] !== r[`m_${c}`]));
      expect(differing).toEqual([]);
    });

    it('lets only this page run a script, its own, which is complete without it', async () => {
      const res = await get(admin, '/staff/dashboard').expect(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
      const src = /<script src="([^"]+)" defer><\/script>/.exec(res.text)?.[1];
      expect(src).toMatch(/^\/staff\/assets\/dashboard\.js\?v=[0-9a-f]{12}$/);
      const script = await request(stack.apiUrl).get(src!).expect(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.text).toContain("addEventListener('headline'");
      expect((await get(admin, '/staff/inbox').expect(200)).headers['content-security-policy']).toContain("script-src 'none'");
    });

    it('refuses a backwards period or an unknown channel, saying which field and why', async () => {
      const backwards = await get(admin, '/staff/dashboard?from=2026-03-10&to=2026-03-01').expect(400);
      expect(backwards.text).toContain('Enter a period whose end is not before its start, at most 366 days long.');
      expect(backwards.text).toContain('id="to"');
      const undashed = await get(admin, '/staff/dashboard?from=20260105').expect(400);
      expect(undashed.text).toContain('Enter a date as YYYY-MM-DD, for example 2026-01-05.');
      const channel = await get(admin, '/staff/dashboard.csv?channel=fax').expect(400);
      expect(Object.keys(channel.body.errors)).toEqual(['channel']);
    });
  });

  describe('scoping', () => {
    it('shows a supervisor only their agency subtree, and a filter never widens it', async () => {
      const page = (await get(kadikoySupervisor, '/staff/dashboard').expect(200)).text;
      // Everything but the Üsküdar application, which sits with ISKI above the supervisor's branch.
      expect(headlineOf(page)).toMatchObject({ open: 4, receivedToday: 3, atRisk: 1, breached: 1 });
      expect(tableOf(page, 'transfers').get('applications')?.[1]).toBe('5');
      expect(tableOf(page, 'within-agency').get('ISKI-KDK')?.slice(1)).toEqual(['2', '1', '50%']);
      const widened = (await get(kadikoySupervisor, '/staff/dashboard?agency=ISKI').expect(200)).text;
      expect(headlineOf(widened)).toMatchObject({ open: 4, receivedToday: 3 });
      const csv = csvOf((await get(kadikoySupervisor, '/staff/dashboard.csv').expect(200)).text);
      expect(csv.get('headline||open')).toBe('4');
    });

    it('refuses officers the page, the CSV and the stream', async () => {
      await get(officer, '/staff/dashboard').expect(403);
      await get(officer, '/staff/dashboard.csv').expect(403);
      await get(officer, '/staff/dashboard/events').expect(403);
    });

    it('sends a visitor without a session to the sign-in page, not the figures', async () => {
      const res = await request(stack.apiUrl).get('/staff/dashboard.csv').redirects(0);
      expect(res.status).not.toBe(200);
      expect(res.text).not.toContain('section,key,measure,value');
    });
  });

  describe('public statistics and open data', () => {
    it('publish received, answered within the legal deadline and the median days to answer, per type and top-level agency, and nothing personal', async () => {
      const json = (await request(stack.apiUrl).get('/api/v1/statistics.json').expect(200)).body;
      const { rows } = await stack.db.query(
        `SELECT extract(epoch FROM answered_at - created_at)::float AS seconds FROM applications WHERE answered_at IS NOT NULL`,
      );
      const median = medianDays(rows.map((r) => r.seconds));
      const today = localDate(new Date(), ZONE);
      expect(json.to).toBe(today);
      // Seven applications, and lines need seven (PUBLIC_STATISTICS_MIN_COUNT) to be published.
      const total = { received: 7, answered: 2, answeredWithinDeadline: 1, medianDaysToAnswer: median, withheld: false };
      expect(json).toEqual({
        from: json.from,
        to: today,
        minCount: 7,
        total,
        byType: [{ type: 'complaint', ...total }],
        byAgency: [{ code: 'ISKI', names: expect.any(Object), ...total }],
      });
      expect(json.from > addDays(today, -366) && json.from <= addDays(today, -364)).toBe(true);

      const csv = await request(stack.apiUrl).get('/api/v1/statistics.csv').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const line = (group: string, key: string) => [group, key, json.from, today, 7, 2, 1, median, 'no'].join(',');
      expect(csv.text.trim().split('\r\n')).toEqual([
        'group,key,from,to,received,answered,answered_within_deadline,median_days_to_answer,withheld',
        line('total', ''),
        line('type', 'complaint'),
        line('agency', 'ISKI'),
      ]);

      for (const language of ['tr', 'en', 'ar']) {
        const page = await request(stack.apiUrl).get(`/${language}/statistics`).expect(200);
        const row = /<tr data-key="total">([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
        expect([...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['7', '2', '50%', String(median)]);
        for (const text of [page.text, JSON.stringify(json), csv.text]) {
          for (const c of [breached, atRisk, older, uskudar, onTime, late, ancient]) {
            expect(text).not.toContain(c.trackingNumber.replace(/-/g, ''));
            expect(text).not.toContain(c.id);
          }
          expect(text).not.toMatch(/Ayşe|Yılmaz|5321234567|532 123|Water cut|Moda/);
        }
      }
    });

    it("counts an answer as late only where the clock's terms make lateness public", async () => {
      await stack.db.query(`UPDATE sla_clocks SET terms = terms || '{"publicLateFlag": false}' WHERE application_id = $1 AND kind = 'answer'`, [late.id]);
      try {
        await rollupsCaughtUp(stack.db);
        const json = (await request(stack.apiUrl).get('/api/v1/statistics.json').expect(200)).body;
        expect(json.total).toMatchObject({ answered: 2, answeredWithinDeadline: 2 });
        // The staff dashboard still sees the lateness.
        expect(
          tableOf((await get(admin, '/staff/dashboard').expect(200)).text, 'within-agency')
            .get('ISKI-KDK')
            ?.slice(1),
        ).toEqual(['2', '1', '50%']);
      } finally {
        await stack.db.query(`UPDATE sla_clocks SET terms = terms || '{"publicLateFlag": true}' WHERE application_id = $1 AND kind = 'answer'`, [late.id]);
        await rollupsCaughtUp(stack.db);
      }
    });
  });

  describe('live updates', () => {
    it('streams the headline figures, and a new application changes "received today" in a following event', async () => {
      const events: Record<string, number>[] = [];
      const url = new URL('/staff/dashboard/events', stack.apiUrl);
      const req = http.get(url, { headers: { cookie: cookies.get(admin)! } });
      try {
        const res = await new Promise<http.IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^event: headline\ndata: (.*)$/m.exec(block)?.[1];
            if (data) events.push(JSON.parse(data).headline);
          }
        });
        const first = await waitFor(async () => events[0], 10000, 'the first event');
        expect(first).toEqual(headlineOf((await get(admin, '/staff/dashboard').expect(200)).text));
        await submitCase(stack, { subject: 'Another water cut' });
        const later = await waitFor(
          async () => events.find((e) => e.receivedToday === first.receivedToday + 1),
          10000,
          'an event with one more received today',
        );
        expect(later.open).toBe(first.open + 1);
      } finally {
        req.destroy();
      }
    });
  });

  describe('rollup refresh', () => {
    it('still recomputes yesterday while the last refresh started before its end, for arrivals that commit after midnight', async () => {
      const yesterday = addDays(localDate(new Date(), ZONE), -1);
      const received = async () =>
        Number((await stack.db.query(`SELECT coalesce(sum(received), 0) AS n FROM dashboard_daily WHERE day = $1 AND dims = 0`, [yesterday])).rows[0].n);
      const app = await submitCase(stack, { subject: 'Submitted just before midnight' });
      await rollupsCaughtUp(stack.db);
      const before = await received();
      // As an application whose transaction began before local midnight and committed after it: dated yesterday,
      // with no change-log row (intake inserts log none), seen first by a refresh that started after it.
      const client = await stack.db.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [0x64617368]); // no refresh runs meanwhile
        await client.query(`UPDATE applications SET created_at = ($2::date + time '23:59:59') AT TIME ZONE $1 WHERE id = $3`, [ZONE, yesterday, app.id]);
        await client.query('DELETE FROM dashboard_changes');
        await client.query(`UPDATE dashboard_rollup_state SET refreshed_at = ($2::date + time '23:00') AT TIME ZONE $1`, [ZONE, yesterday]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      await rollupsCaughtUp(stack.db);
      expect(await received()).toBe(before + 1);
    });
  });
});
