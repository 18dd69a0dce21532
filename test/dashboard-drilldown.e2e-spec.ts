import request from 'supertest';
import { addDays, localDate } from '@petitio/reporting';
import { consoleTexts } from '@petitio/web-console';
import { consoleCookie } from './support/console-forms';
import { RoutedApplication as Case, submitRouted } from './support/applications';
import { TestBrowser, expectNoAccessibilityViolations, screenshot } from './support/browser';
import { rollupsCaughtUp } from './support/dashboard-rollups';
import { claimAndAnswer } from './support/casework-disposition';
import { staffGet } from './support/inbox';
import { waitFor } from './support/ports';
import { TestStack, startStack } from './support/stack';
import { STAFF_PASSWORD, TestStaff, staffUser } from './support/staff';

const ZONE = 'Europe/Istanbul';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** What the test made of one application: everything a dashboard figure may count it by. */
interface Known {
  name: string;
  c: Case;
  agency: string | null;
  type: string;
  topic: string | null;
  channel: string;
  received: Date;
  answered: Date | null;
  late: boolean;
  open: boolean;
  transfers: number;
  rating: number | null;
  firstResponded: boolean;
  /** Where the headline puts its earliest running deadline. */
  due: 'breached' | 'atRisk' | null;
}

/** A figure on the page: where it sits (table.rowKey.column, or headline.figure), its number and its link. */
interface Figure {
  figure: string;
  value: number;
  href: string;
}

const unescape = (href: string) => href.replace(/&amp;/g, '&');

/** Every figure of the dashboard page that links to the inbox. */
function figuresOf(page: string): Figure[] {
  const figures: Figure[] = [...page.matchAll(/<a href="([^"]+)"><span data-figure="(\w+)">(\d+)<\/span>/g)].map((m) => ({
    figure: `headline.${m[2]}`,
    value: Number(m[3]),
    href: unescape(m[1]),
  }));
  for (const table of page.matchAll(/<table id="([\w-]+)">([\s\S]*?)<\/table>/g)) {
    for (const row of table[2].matchAll(/<tr data-key="([^"]*)">([\s\S]*?)<\/tr>/g)) {
      [...row[2].matchAll(/<td>([\s\S]*?)<\/td>/g)].forEach((cell, column) => {
        const link = /^<a href="([^"]+)">(\d+)<\/a>$/.exec(cell[1]);
        if (link) figures.push({ figure: `${table[1]}.${row[1]}.${column}`, value: Number(link[2]), href: unescape(link[1]) });
      });
    }
  }
  return figures;
}

const AGING: Record<string, (days: number) => boolean> = {
  '0-7': (d) => d <= 7,
  '8-15': (d) => d >= 8 && d <= 15,
  '16-30': (d) => d >= 16 && d <= 30,
  '31+': (d) => d > 30,
};

describe('drilling down from the SLA dashboard to the applications behind each figure', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let officer: TestStaff;
  /** The session the page requests go with: the center admin's, or the supervisor's for a while. */
  let cookie: string;
  let adminCookie: string;
  let known: Known[];
  let now: Date;
  let today: string;

  const get = (path: string) => request(stack.apiUrl).get(path).set('Accept-Language', 'en').set('Cookie', cookie).redirects(0);
  const answerClockStarted = (c: Case) =>
    waitFor(
      async () => (await stack.db.query(`SELECT 1 FROM sla_clocks WHERE application_id = $1 AND kind = 'answer'`, [c.id])).rowCount === 1,
      10000,
      `the answer clock of ${c.id}`,
    );
  const signIn = (staff: TestStaff) => consoleCookie(stack, staff);
  /** The tracking numbers an inbox page lists. */
  const listed = (page: string) => [...page.matchAll(/<tr data-id="[^"]+">\s*<td><a [^>]*class="number">([^<]+)<\/a>/g)].map((m) => m[1]);

  /** The applications a figure counts, from what the test made: the oracle the inbox's lists are checked against. */
  function expected(figure: string, inScope: (k: Known) => boolean, period: { from: string; to: string }, monthly: boolean): Known[] {
    const day = (at: Date) => localDate(at, ZONE);
    const inPeriod = (k: Known) => day(k.received) >= period.from && day(k.received) <= period.to;
    const [table, key, column] = figure.split('.');
    const ageInDays = (k: Known) => Math.floor((now.getTime() - k.received.getTime()) / DAY);
    /** A trend point: its day, or its month's days within the period. */
    const onPoint = (at: Date | null) =>
      at !== null && (monthly ? day(at).slice(0, 7) === key.slice(0, 7) && day(at) >= period.from && day(at) <= period.to : day(at) === key);
    const byFigure: Record<string, (k: Known) => boolean> = {
      'headline.open': (k) => k.open,
      'headline.receivedToday': (k) => day(k.received) === today,
      'headline.dueToday': (k) => k.due === 'atRisk' && day(new Date(now.getTime() + 2 * HOUR)) === today,
      'headline.atRisk': (k) => k.due === 'atRisk',
      'headline.breached': (k) => k.due === 'breached',
      'response-times.first-response.0': (k) => inPeriod(k) && k.firstResponded,
      'response-times.answer.0': (k) => inPeriod(k) && k.answered !== null,
      'transfers.applications.0': inPeriod,
      'transfers.transfers.0': (k) => inPeriod(k) && k.transfers >= 1,
      'transfers.ping-pong.0': (k) => inPeriod(k) && k.transfers >= 2,
      'satisfaction.ratings.0': (k) => inPeriod(k) && k.rating !== null,
    };
    const byTable: Record<string, (k: Known) => boolean> = {
      aging: (k) => k.open && AGING[key](ageInDays(k)),
      channels: (k) => inPeriod(k) && k.channel === key,
      satisfaction: (k) => inPeriod(k) && k.rating === Number(key),
      trend: (k) => onPoint(column === '0' ? k.received : k.answered),
    };
    const dimension = /^within-(\w+)$/.exec(table)?.[1] as 'agency' | 'type' | 'topic' | 'channel' | undefined;
    const predicate = dimension
      ? (k: Known) => inPeriod(k) && k.answered !== null && k[dimension] === (key === '' ? null : key) && (column === '0' || !k.late)
      : (byFigure[figure] ?? byTable[table]);
    if (!predicate) throw new Error(`no rule for the figure ${figure}`);
    return known.filter((k) => inScope(k) && predicate(k));
  }

  beforeAll(async () => {
    stack = await startStack({ env: { CALENDAR_TIME_ZONE: ZONE, DASHBOARD_REFRESH_MS: '300', ROUTING_SWEEP_AFTER_SECONDS: '3600' } });
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
    adminCookie = cookie = await signIn(admin);

    const names = ['breached', 'atRisk', 'older', 'onTime', 'late', 'ancient', 'middle', 'answeredEarlier', 'firstOnly', 'unrouted'];
    const cases = await Promise.all(names.map((name) => submitRouted(stack, { subject: `Water cut (${name})` })));
    const uskudar = await submitRouted(stack, { subject: 'Water cut in Üsküdar', location: { provinceCode: 'TR-34', districtCode: 'TR-34-USK' } });
    expect(uskudar.agency).toBe('ISKI');
    for (const c of [...cases, uskudar]) await answerClockStarted(c);
    const [breached, atRisk, older, onTime, late, ancient, middle, answeredEarlier, firstOnly, unrouted] = cases;
    for (const c of [onTime, late, answeredEarlier]) await claimAndAnswer(stack, officer, c.id, 'The pipe was repaired.');

    now = new Date();
    today = localDate(now, ZONE);
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const set = (c: Case, assignments: string, values: unknown[] = []) =>
      stack.db.query(`UPDATE applications SET ${assignments} WHERE id = $1`, [c.id, ...values]);
    const clock = (c: Case, kind: string, assignments: string, values: unknown[] = []) =>
      stack.db.query(`UPDATE sla_clocks SET ${assignments} WHERE application_id = $1 AND kind = '${kind}'`, [c.id, ...values]);
    // Only the answer clocks below fall due soon: first responses are far away.
    await stack.db.query(`UPDATE sla_clocks SET deadline_at = now() + interval '40 days' WHERE kind = 'first_response' AND stopped_at IS NULL`);
    await clock(breached, 'answer', 'deadline_at = $2', [new Date(now.getTime() - 2 * HOUR)]);
    await clock(atRisk, 'answer', 'deadline_at = $2', [new Date(now.getTime() + 2 * HOUR)]);
    await set(atRisk, 'transfer_count = 1');
    await set(older, `created_at = $2, transfer_count = 2, topic_id = (SELECT id FROM topics WHERE code = 'roads')`, [ago(10)]);
    await set(onTime, `channel = 'sms', rating = 5`);
    await set(late, `created_at = $2, answered_at = $3, rating = 2, type_code = 'request'`, [ago(10), ago(2)]);
    await clock(late, 'answer', 'deadline_at = $2, stopped_at = $3', [new Date(ago(2).getTime() - HOUR), ago(2)]);
    await set(ancient, 'created_at = $2', [ago(40)]);
    await set(middle, `created_at = $2, channel = 'voice'`, [ago(20)]);
    await set(answeredEarlier, `created_at = $2, answered_at = $3, rating = 4, channel = 'agent', type_code = 'request', topic_id = NULL`, [ago(3), ago(1)]);
    await clock(answeredEarlier, 'answer', 'deadline_at = $2, stopped_at = $3, breached_at = NULL', [ago(-20), ago(1)]);
    await clock(firstOnly, 'first_response', 'stopped_at = now()');
    await set(unrouted, `assigned_agency_id = NULL, status = 'received', channel = 'email', type_code = 'suggestion'`);
    await set(uskudar, 'topic_id = NULL');

    const application = (name: string, c: Case, o: Partial<Known>): Known => ({
      name,
      c,
      agency: 'ISKI-KDK',
      type: 'complaint',
      topic: 'water',
      channel: 'web',
      received: now,
      answered: null,
      late: false,
      open: true,
      transfers: 0,
      rating: null,
      firstResponded: false,
      due: null,
      ...o,
    });
    const answered = (at: Date, o: Partial<Known> = {}) => ({ answered: at, open: false, firstResponded: true, ...o });
    known = [
      application('breached', breached, { due: 'breached' }),
      application('atRisk', atRisk, { due: 'atRisk', transfers: 1 }),
      application('older', older, { received: ago(10), transfers: 2, topic: 'roads' }),
      application('onTime', onTime, answered(now, { channel: 'sms', rating: 5 })),
      application('late', late, answered(ago(2), { received: ago(10), late: true, rating: 2, type: 'request' })),
      application('ancient', ancient, { received: ago(40) }),
      application('middle', middle, { received: ago(20), channel: 'voice' }),
      application('answeredEarlier', answeredEarlier, answered(ago(1), { received: ago(3), rating: 4, channel: 'agent', type: 'request', topic: null })),
      application('firstOnly', firstOnly, { firstResponded: true }),
      application('unrouted', unrouted, { agency: null, channel: 'email', type: 'suggestion' }),
      application('uskudar', uskudar, { agency: 'ISKI', topic: null }),
    ];
    // Period figures come from rollups the worker refreshes every DASHBOARD_REFRESH_MS.
    await rollupsCaughtUp(stack.db);
  }, 180_000);
  afterAll(() => stack?.stop());

  /** Follows every figure's link and checks the inbox lists exactly the applications the figure counts. */
  async function followEveryFigure(query: string, inScope: (k: Known) => boolean, period: { from: string; to: string }) {
    const page = (await get(`/staff/dashboard${query}`).expect(200)).text;
    const monthly = /<tr data-key="\d{4}-\d{2}-\d{2}"><th scope="row">\d{4}-\d{2}<\/th>/.test(page);
    // The transfers figure counts transfers, its list the applications transferred.
    const counted = (f: Figure, want: Known[]) => (f.figure === 'transfers.transfers.0' ? want.reduce((sum, k) => sum + k.transfers, 0) : want.length);
    const figures = figuresOf(page);
    expect(figures.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const f of figures) {
      const want = expected(f.figure, inScope, period, monthly);
      expect({ figure: f.figure, value: f.value }).toEqual({ figure: f.figure, value: counted(f, want) });
      expect(f.href).toMatch(/^\/staff\/inbox\?/);
      const inbox = (await get(`${f.href}&limit=100`).expect(200)).text;
      const numbers = want.map((k) => k.c.trackingNumber).sort();
      expect({ figure: f.figure, href: f.href, listed: listed(inbox).sort() }).toEqual({ figure: f.figure, href: f.href, listed: numbers });
      checked.push(f.figure);
    }
    return { page, checked, monthly };
  }

  it('links every figure to the inbox listing exactly the applications it counts, for a center admin over the last 30 days', async () => {
    const { checked } = await followEveryFigure('', () => true, { from: addDays(today, -29), to: today });
    expect(checked).toEqual(
      expect.arrayContaining([
        'headline.open',
        'headline.receivedToday',
        'headline.dueToday',
        'headline.atRisk',
        'headline.breached',
        'within-agency.ISKI-KDK.0',
        'within-agency.ISKI-KDK.1',
        'within-type.request.1',
        'within-topic.water.0',
        'within-topic..1',
        'within-channel.sms.1',
        'response-times.first-response.0',
        'response-times.answer.0',
        'aging.0-7.0',
        'aging.8-15.0',
        'aging.16-30.0',
        'aging.31+.0',
        'transfers.applications.0',
        'transfers.transfers.0',
        'transfers.ping-pong.0',
        'channels.email.0',
        'satisfaction.ratings.0',
        'satisfaction.4.0',
        `trend.${today}.0`,
        `trend.${today}.1`,
        `trend.${addDays(today, -2)}.1`,
      ]),
    );
  }, 120_000);

  it("carries the dashboard's agency subtree, type, topic, channel and period over to the lists", async () => {
    const subtree = (codes: string[]) => (k: Known) => k.agency !== null && codes.includes(k.agency);
    const period = { from: addDays(today, -6), to: today };
    await followEveryFigure(`?agency=ISKI&from=${period.from}&to=${period.to}`, subtree(['ISKI', 'ISKI-KDK']), period);
    await followEveryFigure('?agency=ISKI-KDK&type=request', (k) => subtree(['ISKI-KDK'])(k) && k.type === 'request', { from: addDays(today, -29), to: today });
    await followEveryFigure('?topic=water&channel=web', (k) => k.topic === 'water' && k.channel === 'web', { from: addDays(today, -29), to: today });
  }, 240_000);

  it('lists for a supervisor only what their figures count: their agency subtree, even when a link names a wider one', async () => {
    const supervisor = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['supervisor'], { signIn: false });
    cookie = await signIn(supervisor);
    try {
      const period = { from: addDays(today, -29), to: today };
      await followEveryFigure('', (k) => k.agency === 'ISKI-KDK', period);
      await followEveryFigure('?agency=ISKI', (k) => k.agency === 'ISKI-KDK', period);
    } finally {
      cookie = adminCookie;
    }
  }, 240_000);

  it('links the points of a monthly trend, over a long period, to the applications of their month within the period', async () => {
    const period = { from: addDays(today, -120), to: today };
    const { page, monthly } = await followEveryFigure(`?from=${period.from}&to=${period.to}`, () => true, period);
    expect(monthly).toBe(true);
    expect(page).toContain(`<tr data-key="${period.from}">`);
  }, 120_000);

  it('says the drill-down filters in words, clears them on request and keeps them from page to page', async () => {
    const from = addDays(today, -29);
    const path = `/staff/inbox?receivedFrom=${from}&receivedTo=${today}&agency=ISKI&answered=late`;
    const page = (await get(path).expect(200)).text;
    expect(/<p id="drill-down-filters">([^<]*)<\/p>/.exec(page)?.[1]).toBe(`Received ${from} to ${today} · Agency subtree: ISKI · Answered late`);
    expect(listed(page)).toEqual([known.find((k) => k.name === 'late')!.c.trackingNumber]);
    expect(page).toContain('<a href="/staff/inbox" id="drill-down-clear">');
    const filtered = (await get(`${path}&status=open`).expect(200)).text;
    expect(filtered).toContain('<a href="/staff/inbox?status=open" id="drill-down-clear">');
    // The filter form keeps the drill-down, so refining it does not widen the list.
    expect(filtered).toContain('<input type="hidden" name="answered" value="late">');

    const open = known
      .filter((k) => k.open && k.agency !== null && localDate(k.received, ZONE) >= from)
      .map((k) => k.c.trackingNumber)
      .sort();
    const seen: string[] = [];
    let next: string | undefined = `/staff/inbox?status=open&agency=ISKI&receivedFrom=${from}&limit=2`;
    while (next) {
      const pageText: string = (await get(next).expect(200)).text;
      expect(pageText).toContain('id="drill-down-filters"');
      seen.push(...listed(pageText));
      next = /<a href="([^"]+)" rel="next">/.exec(pageText)?.[1]?.replace(/&amp;/g, '&');
      if (next) expect(next).toContain(`receivedFrom=${from}`);
    }
    expect(seen.sort()).toEqual(open);
  });

  it('refuses bad drill-down values in the JSON inbox and the console, saying which field and why', async () => {
    const bad = {
      receivedFrom: '2026-02-30',
      receivedTo: '26-11-2026',
      answered: 'maybe',
      ageMin: '-1',
      ageMax: 'ten',
      transfersMin: '1.5',
      rating: '6',
      rated: 'yes',
      noTopic: 'sometimes',
      firstResponded: '1',
      agency: 'X'.repeat(65),
    };
    const res = await staffGet(stack, admin.token, '/api/v1/staff/applications', bad).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect([...new Set(fields)].sort()).toEqual(Object.keys(bad).sort());
    for (const error of res.body.errors) expect(error.message).toMatch(new RegExp(`^${error.field} `));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'rating').message).toBe('rating must be a whole number from 1 to 5');

    const page = await get('/staff/inbox?answered=maybe&rating=6').expect(400);
    expect(page.text).toContain('<a href="#drill-down">Choose one of the options.</a>');
    expect(page.text).toContain('<a href="#drill-down">This number is too large.</a>');
  });

  it("accepts the same filters on the JSON inbox, with the dashboard's meaning", async () => {
    const ids = async (query: Record<string, string>) =>
      (await staffGet(stack, admin.token, '/api/v1/staff/applications', { limit: '100', ...query }).expect(200)).body.items
        .map((i: { trackingNumber: string }) => i.trackingNumber)
        .sort();
    const numbers = (...names: string[]) =>
      known
        .filter((k) => names.includes(k.name))
        .map((k) => k.c.trackingNumber)
        .sort();
    expect(await ids({ answered: 'within' })).toEqual(numbers('onTime', 'answeredEarlier'));
    expect(await ids({ status: 'open', ageMin: '8', ageMax: '30' })).toEqual(numbers('older', 'middle'));
    expect(await ids({ noAgency: 'true' })).toEqual(numbers('unrouted'));
    expect(await ids({ noTopic: 'true', assignedAgency: 'ISKI' })).toEqual(numbers('uskudar'));
    expect(await ids({ answeredFrom: addDays(today, -2), answeredTo: addDays(today, -1) })).toEqual(numbers('late', 'answeredEarlier'));
    expect(await ids({ firstResponded: 'false', status: 'open', receivedFrom: today })).toEqual(numbers('breached', 'atRisk', 'unrouted', 'uskudar'));

    const docs = (await request(stack.apiUrl).get('/docs-json').expect(200)).body;
    const documented = docs.paths['/api/v1/staff/applications'].get.parameters.map((p: { name: string }) => p.name);
    expect(documented).toEqual(
      expect.arrayContaining(['agency', 'assignedAgency', 'receivedFrom', 'answered', 'answeredTo', 'ageMin', 'transfersMin', 'rating', 'firstResponded']),
    );
  });

  it('takes a keyboard user from a dashboard figure to its applications, on pages with no accessibility violations', async () => {
    const browser = await TestBrowser.launch();
    try {
      await browser.withPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }, async (page) => {
        await page.goto(`${stack.apiUrl}/staff/sign-in`);
        await page.getByLabel(consoleTexts('en').signIn.email).fill(admin.email);
        await page.getByLabel(consoleTexts('en').signIn.password).fill(STAFF_PASSWORD);
        await Promise.all([
          page.waitForURL((u) => !u.pathname.endsWith('/sign-in')),
          page.locator('form[action="/staff/sign-in"] button[type="submit"]').click(),
        ]);
        await page.goto(`${stack.apiUrl}/staff/dashboard?agency=ISKI`);
        await expectNoAccessibilityViolations(page, 'the SLA dashboard with its figures as links');
        const late = page.locator('#within-type tr[data-key="request"] td:nth-of-type(2) a');
        await late.focus();
        await Promise.all([page.waitForURL('**/staff/inbox?**'), page.keyboard.press('Enter')]);
        await expect(page.locator('#drill-down-filters').textContent()).resolves.toBe(
          `Received ${addDays(today, -29)} to ${today} · Agency subtree: ISKI · Type: ${consoleTexts('en').types.request} · Answered within the deadline`,
        );
        await expect(page.locator('#inbox tbody tr').count()).resolves.toBe(1);
        await expectNoAccessibilityViolations(page, 'the inbox with drill-down filters');
        await screenshot(page, 'console-inbox-drill-down-en', { fullPage: true });
        await page.goto(`${stack.apiUrl}/staff/inbox?answered=maybe&receivedFrom=${today}`);
        await expectNoAccessibilityViolations(page, 'the inbox refusing a drill-down filter');
      });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
