'use strict';
// The escalation timers at scale: a million open applications with running answer clocks, their timers relayed
// from the outbox into Redis, the sweeper's query, and how late escalations fire while intake runs.
// Started by bench/escalations.sh in two phases on a private stack:
//   prepare  (only PostgreSQL and Redis running) loads the clocks and their outbox events, measures the sweeper query;
//   measure  (api and one worker running) times the relay, Redis memory per timer, and the escalation delay.
const { readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const Redis = require('ioredis');
const { Client } = require('pg');
const { cpuMeter } = require('./cpu-meter');
const { ESCALATION_TARGETS, render, verdict } = require('./escalation-report');
// The job id the relay gives a timer, from the build the bench runs: a superseded timer is named as the domain names it.
const { escalationTimerJobId } = require('../dist/libs/sla/src/escalation/escalation-timers');
// The clock's terms exactly as the product copies them from the policy.
const { BusinessCalendar } = require('../dist/libs/sla/src/calendar/business-calendar');
const { parseWorkingHours } = require('../dist/libs/sla/src/calendar/calendar-config');
const { SlaClock } = require('../dist/libs/sla/src/clocks/sla-clock');
const { POLICY_COLUMNS, policyFrom } = require('../dist/libs/sla/src/clocks/sla-policies.service');

const env = process.env;
const DATABASE_URL = env.DATABASE_URL;
const REDIS_URL = env.REDIS_URL;
const API_URL = env.API_URL ?? 'http://127.0.0.1:3392';
const RESULTS_DIR = env.RESULTS_DIR ?? join(__dirname, 'results');
const QUEUE_PREFIX = env.QUEUE_PREFIX ?? '{petitio}';
const OPEN_CLOCKS = Number(env.BENCH_OPEN_CLOCKS ?? 1_000_000);
const SMALL_TABLE = Math.min(Number(env.BENCH_SMALL_TABLE ?? 100_000), OPEN_CLOCKS);
const LOAD_BATCH = 50_000;
const LOAD_CONNECTIONS = Number(env.BENCH_LOAD_CONNECTIONS ?? 2);
const DUE_COUNTS = (env.BENCH_DUE_COUNTS ?? '0,100,10000').split(',').map(Number);
const RELAY_TIMEOUT_S = Number(env.BENCH_RELAY_TIMEOUT_S ?? 300);
const DUE_CLOCKS = Number(env.BENCH_DUE_CLOCKS ?? 3000);
const DUE_LEAD_S = Number(env.BENCH_DUE_LEAD_S ?? 20);
const DUE_WINDOW_S = Number(env.BENCH_DUE_WINDOW_S ?? 60);
const INTAKE_RATE = Number(env.BENCH_INTAKE_RATE ?? 200);
const WARMUP_S = Number(env.BENCH_WARMUP ?? 5);
const SWEEP_GRACE_MS = Number(env.ESCALATION_SWEEP_GRACE_MS ?? 10_000);
const SWEEP_INTERVAL_MS = Number(env.ESCALATION_SWEEP_INTERVAL_MS ?? 30_000);
const SWEEP_BATCH = Number(env.ESCALATION_SWEEP_BATCH ?? 500);
const HORIZON_MS = 3600_000; // no loaded step falls due within the bench: only the ones it makes due fire
const MINUTE = 60_000;
const PREPARED = join(RESULTS_DIR, 'escalations-prepare.json');
const DELAYED_KEY = `${QUEUE_PREFIX}:escalations:delayed`;

// The exact query of SlaClocksRepository.dueForEscalation (libs/sla/src/clocks/sla-clocks.repository.ts).
const DUE_FOR_ESCALATION = `SELECT id, application_id AS "applicationId" FROM sla_clocks
       WHERE stopped_at IS NULL AND paused_at IS NULL AND next_escalation_at IS NOT NULL AND next_escalation_at <= $1
       ORDER BY next_escalation_at LIMIT $2`;

const db = new Client({ connectionString: DATABASE_URL });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n, digits = 0) => (n == null || Number.isNaN(n) ? null : Number(Number(n).toFixed(digits)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[escalations +${Math.round((Date.now() - t0) / 1000)}s] ${msg}\n`);

async function timed(fn) {
  const from = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - from) / 1e9 };
}

async function checkDurable() {
  const { rows } = await db.query(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'server_version')`,
  );
  const postgres = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  if (postgres.fsync !== 'on' || postgres.synchronous_commit !== 'on') throw new Error(`PostgreSQL is not durable: ${JSON.stringify(postgres)}`);
  return postgres;
}

/** The complaint policy's terms as a clock copies them, and the ids a clock needs. */
async function fixtures() {
  const {
    rows: [row],
  } = await db.query(`SELECT ${POLICY_COLUMNS} FROM sla_policies WHERE code = 'TR-3071-COMPLAINT'`);
  const calendar = new BusinessCalendar({
    timeZone: 'Europe/Istanbul',
    country: 'TR',
    publicHolidays: false,
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    workingHours: parseWorkingHours('00:00-24:00'),
  });
  const { terms } = SlaClock.start(policyFrom(row), new Date(), calendar);
  if (terms.period.unit !== 'calendar_days') throw new Error(`the bench expects a calendar-day complaint policy, found ${terms.period.unit}`);
  const {
    rows: [ids],
  } = await db.query(`SELECT (SELECT id FROM agencies WHERE code = 'ISKI-KDK') AS agency, (SELECT id FROM topics WHERE code = 'water') AS topic`);
  // The seed adds no staff in production mode: one officer holds the loaded applications, so warnings have someone to tell.
  const {
    rows: [officer],
  } = await db.query(
    `INSERT INTO staff_users (agency_id, email, display_name, roles, status, language)
     VALUES ($1, 'bench-officer@bench.petitio.example', 'Bench Officer', '{officer}', 'active', 'en')
     ON CONFLICT (lower(email)) DO UPDATE SET status = 'active' RETURNING id`,
    [ids.agency],
  );
  const totalMinutes = terms.period.amount * 24 * 60;
  // Each step's distance before the deadline, to the millisecond, as EscalationLadder computes it (calendar days: real minutes).
  const deadline = Date.UTC(2030, 0, 1);
  const offsetsMs = [...terms.warningShares.map((share) => deadline - new Date(deadline - (1 - share) * totalMinutes * MINUTE).getTime()), 0];
  return {
    policyId: row.id,
    terms,
    totalMinutes,
    offsetsMs,
    breachStep: terms.warningShares.length,
    agencyId: ids.agency,
    topicId: ids.topic,
    officerId: officer.id,
  };
}

/**
 * Applications n in [from, to]: assigned to one officer of the ISKI Kadıköy branch, each with a running answer clock whose
 * deadline falls between an hour and 30 days from now, started 30 days before it, and whose next step is the first one of
 * its ladder still ahead (the ones behind it count as fired), exactly as EscalationLadder.plan would leave it.
 */
async function loadRange(client, f, from, to, nowMs) {
  await client.query(
    `WITH src AS (
       SELECT n, md5('petitio-bench-' || n)::uuid AS app_id,
         'epoch'::timestamptz + round($1::float8 + random() * $2::float8) * interval '1 millisecond' AS deadline
       FROM generate_series($3::int, $4::int) AS n
     ), planned AS (
       SELECT src.*, src.deadline - $5::float8 * interval '1 minute' AS started,
         (SELECT min(k) - 1 FROM unnest($6::bigint[]) WITH ORDINALITY AS o(off, k)
          WHERE src.deadline - o.off * interval '1 millisecond' > 'epoch'::timestamptz + $7::float8 * interval '1 millisecond') AS next_step
       FROM src
     ), apps AS (
       INSERT INTO applications (id, tracking_number, type_code, topic_id, subject, body, channel, language, province_code, district_code,
         status, assigned_agency_id, assigned_officer_id, created_at, updated_at, routed_at, next_deadline_at)
       SELECT app_id, '9' || lpad(n::text, 10, '0'), 'complaint', $8, 'Moda Caddesi su kesintisi ' || n,
         'Moda Caddesi üzerinde üç gündür şebeke suyu akmıyor. Bina no ' || n || '.', 'web', 'tr', 'TR-34', 'TR-34-KDK',
         'assigned', $9, $10, started, started, started, deadline
       FROM planned
     )
     INSERT INTO sla_clocks (application_id, policy_id, kind, terms, started_at, deadline_at, total_minutes, deadline_version,
       escalation_run, last_escalation_step, next_escalation_step, next_escalation_at, escalation_level, created_at)
     SELECT app_id, $11, 'answer', $12::jsonb, started, deadline, $5::float8, 1,
       1, NULLIF(next_step - 1, -1), next_step, deadline - ($6::bigint[])[(next_step + 1)::int] * interval '1 millisecond',
       CASE WHEN next_step > 0 THEN 1 ELSE 0 END, started
     FROM planned`,
    [
      nowMs + HORIZON_MS,
      30 * 24 * 3600_000 - HORIZON_MS,
      from,
      to,
      f.totalMinutes,
      f.offsetsMs,
      nowMs + HORIZON_MS,
      f.topicId,
      f.agencyId,
      f.officerId,
      f.policyId,
      JSON.stringify(f.terms),
    ],
  );
}

/** Loads applications n in [from, to] in ranges of LOAD_BATCH over LOAD_CONNECTIONS connections; wall-clock seconds. */
async function load(f, from, to) {
  const nowMs = Date.now();
  const ranges = [];
  for (let start = from; start <= to; start += LOAD_BATCH) ranges.push([start, Math.min(to, start + LOAD_BATCH - 1)]);
  const clients = await Promise.all(
    Array.from({ length: Math.min(LOAD_CONNECTIONS, ranges.length) }, async () => {
      const client = new Client({ connectionString: DATABASE_URL });
      await client.connect();
      return client;
    }),
  );
  let loaded = from - 1;
  // A bulk load: the statement sets each application's next deadline itself, the clock trigger's job, once per row.
  await db.query('ALTER TABLE sla_clocks DISABLE TRIGGER sla_clocks_after_insert_or_delete');
  const { seconds } = await timed(() =>
    Promise.all(
      clients.map(async (client) => {
        for (let range = ranges.shift(); range; range = ranges.shift()) {
          await loadRange(client, f, range[0], range[1], nowMs);
          loaded += range[1] - range[0] + 1;
          if (loaded % 100_000 === 0 || loaded === to) log(`  loaded ${loaded.toLocaleString('en-US')} applications and clocks`);
        }
      }),
    ),
  );
  await Promise.all(clients.map((c) => c.end()));
  await db.query('ALTER TABLE sla_clocks ENABLE TRIGGER sla_clocks_after_insert_or_delete');
  const analyze = await timed(() => db.query('VACUUM ANALYZE applications, sla_clocks'));
  return { rows: to - from + 1, seconds, analyzeSeconds: analyze.seconds };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the sweeper's query: median of five runs after one to warm the cache. */
async function explainDue(limit) {
  const before = new Date(Date.now() - SWEEP_GRACE_MS);
  const runs = [];
  for (let i = 0; i < 6; i++) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${DUE_FOR_ESCALATION}`, [before, limit]);
    runs.push(rows[0]['QUERY PLAN'][0]);
  }
  const warm = runs.slice(1);
  const plan = warm[0].Plan;
  const nodes = [];
  (function walk(node) {
    nodes.push(node['Node Type'] + (node['Index Name'] ? ` using ${node['Index Name']}` : ''));
    for (const child of node.Plans ?? []) walk(child);
  })(plan);
  return {
    limit,
    executionMs: round(median(warm.map((r) => r['Execution Time'])), 3),
    planningMs: round(median(warm.map((r) => r['Planning Time'])), 3),
    rows: plan['Actual Rows'],
    sharedHit: plan['Shared Hit Blocks'],
    sharedRead: plan['Shared Read Blocks'],
    firstRunMs: round(runs[0]['Execution Time'], 3),
    plan: nodes.join(' → '),
  };
}

/** Makes `due` clocks overdue (past the grace), measures the query, and puts the clocks back as they were. */
async function sweeperScenario(openClocks, due) {
  if (due > 0) {
    await db.query(`CREATE TEMP TABLE bench_saved AS SELECT id, next_escalation_at FROM sla_clocks ORDER BY id LIMIT ${Number(due)}`);
    await db.query(
      `UPDATE sla_clocks c SET next_escalation_at = date_trunc('milliseconds', now() - (60 + random() * 3600) * interval '1 second')
       FROM bench_saved s WHERE c.id = s.id`,
    );
  }
  await db.query('VACUUM ANALYZE sla_clocks');
  const batch = await explainDue(SWEEP_BATCH);
  const all = await explainDue(Math.max(due, 1) * 2);
  if (due > 0) {
    await db.query(`UPDATE sla_clocks c SET next_escalation_at = s.next_escalation_at FROM bench_saved s WHERE c.id = s.id`);
    await db.query('DROP TABLE bench_saved');
    await db.query('VACUUM ANALYZE sla_clocks');
  }
  const {
    rows: [left],
  } = await db.query(`SELECT count(*)::int AS n FROM (${DUE_FOR_ESCALATION}) d`, [new Date(Date.now() - SWEEP_GRACE_MS), 1_000_000]);
  if (left.n !== 0) throw new Error(`${left.n} clocks still overdue after putting them back`);
  log(
    `  sweeper query, ${openClocks.toLocaleString('en-US')} open, ${due.toLocaleString('en-US')} due: ${batch.executionMs} ms (one batch), ${all.executionMs} ms (all due)`,
  );
  return { openClocks, due, batch, all };
}

/** One 'sla.escalation_due' event per running clock, with the payload EscalationTimers.schedule writes. */
async function insertTimerEvents() {
  const { rowCount } = await db.query(
    `INSERT INTO outbox_events (topic, aggregate_id, payload, created_at)
     SELECT 'sla.escalation_due', c.id,
       jsonb_build_object('applicationId', c.application_id, 'run', c.escalation_run, 'version', c.deadline_version,
         'step', c.next_escalation_step, 'dueAt', to_char(c.next_escalation_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       c.created_at
     FROM sla_clocks c WHERE c.stopped_at IS NULL AND c.paused_at IS NULL AND c.next_escalation_at IS NOT NULL`,
  );
  await db.query('VACUUM ANALYZE outbox_events');
  return rowCount;
}

async function redisMemory(redis) {
  const info = await redis.info('memory');
  const field = (name) => Number((new RegExp(`^${name}:(\\d+)`, 'm').exec(info) ?? [])[1]);
  return { usedMemory: field('used_memory'), usedMemoryDataset: field('used_memory_dataset') };
}

async function prepare() {
  await db.connect();
  const redis = new Redis(REDIS_URL);
  const result = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAtStart: os.loadavg().map((l) => round(l, 2)), node: process.version },
  };
  result.postgres = await checkDurable();
  const f = await fixtures();
  result.settings = {
    openClocks: OPEN_CLOCKS,
    smallTable: SMALL_TABLE,
    dueCounts: DUE_COUNTS,
    sweepBatch: SWEEP_BATCH,
    sweepGraceMs: SWEEP_GRACE_MS,
    sweepIntervalMs: SWEEP_INTERVAL_MS,
    policy: 'TR-3071-COMPLAINT',
    terms: f.terms,
  };

  log(`loading ${SMALL_TABLE.toLocaleString('en-US')} open applications with running answer clocks`);
  const first = await load(f, 1, SMALL_TABLE);
  result.sweeper = [];
  for (const due of DUE_COUNTS) result.sweeper.push(await sweeperScenario(SMALL_TABLE, due));
  const loads = [first];
  if (OPEN_CLOCKS > SMALL_TABLE) {
    log(`loading up to ${OPEN_CLOCKS.toLocaleString('en-US')}`);
    loads.push(await load(f, SMALL_TABLE + 1, OPEN_CLOCKS));
    for (const due of DUE_COUNTS) result.sweeper.push(await sweeperScenario(OPEN_CLOCKS, due));
  }
  const {
    rows: [sizes],
  } = await db.query(
    `SELECT pg_total_relation_size('applications') AS applications, pg_total_relation_size('sla_clocks') AS clocks,
       pg_relation_size('sla_clocks_escalation_due_idx') AS due_index,
       (SELECT count(*)::int FROM sla_clocks WHERE stopped_at IS NULL) AS open_clocks,
       (SELECT json_object_agg(step, n) FROM (SELECT next_escalation_step AS step, count(*)::int AS n FROM sla_clocks GROUP BY 1) s) AS next_steps`,
  );
  const seconds = loads.reduce((s, l) => s + l.seconds, 0);
  result.load = {
    rows: sizes.open_clocks,
    seconds: round(seconds, 1),
    rowsPerS: round(sizes.open_clocks / seconds),
    analyzeSeconds: round(
      loads.reduce((s, l) => s + l.analyzeSeconds, 0),
      1,
    ),
    nextSteps: sizes.next_steps,
    applicationsMb: round(Number(sizes.applications) / 2 ** 20),
    clocksMb: round(Number(sizes.clocks) / 2 ** 20),
    dueIndexMb: round(Number(sizes.due_index) / 2 ** 20, 1),
  };

  log('writing one sla.escalation_due outbox event per running clock');
  const events = await timed(insertTimerEvents);
  result.outbox = { events: events.value, seconds: round(events.seconds, 1) };
  result.redisBefore = await redisMemory(redis);
  result.redisBefore.keys = await redis.dbsize();
  writeFileSync(PREPARED, `${JSON.stringify({ result, fixtures: f }, null, 2)}\n`);
  redis.disconnect();
  await db.end();
}

/** Watches the relay turn the outbox backlog into delayed jobs, until it is empty or RELAY_TIMEOUT_S passed. */
async function relay(redis, events, workerStartedAtMs) {
  const samples = [];
  let firstAt;
  let firstPoint;
  let drainedAt;
  const until = workerStartedAtMs + RELAY_TIMEOUT_S * 1000;
  let lastLog = 0;
  for (;;) {
    const jobs = await redis.zcard(DELAYED_KEY);
    const now = Date.now();
    if (jobs > 0 && !firstAt) {
      firstAt = now;
      firstPoint = { atMs: now, delayedJobs: jobs };
    }
    if (samples.length === 0 || now - samples[samples.length - 1].atMs >= 5000)
      samples.push({ atMs: now, s: round((now - workerStartedAtMs) / 1000, 1), delayedJobs: jobs });
    if (now - lastLog > 30_000) {
      log(`  relay: ${jobs.toLocaleString('en-US')} delayed jobs after ${round((now - workerStartedAtMs) / 1000)} s`);
      lastLog = now;
    }
    const { rows } = await db.query(`SELECT id FROM outbox_events WHERE topic = 'sla.escalation_due' ORDER BY id LIMIT 1`);
    if (rows.length === 0) {
      drainedAt = Date.now();
      break;
    }
    if (now > until) break;
    await sleep(250);
  }
  const delayedJobs = await redis.zcard(DELAYED_KEY);
  const end = drainedAt ?? Date.now();
  samples.push({ atMs: end, s: round((end - workerStartedAtMs) / 1000, 1), delayedJobs });
  const {
    rows: [left],
  } = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'sla.escalation_due'`);
  // Whether publishing slows as Redis fills: the rate up to half the backlog, and after it.
  const half = samples.find((x) => x.delayedJobs >= events / 2);
  const first = firstPoint;
  const rate = (a, b) => (a && b && b.atMs > a.atMs ? round((b.delayedJobs - a.delayedJobs) / ((b.atMs - a.atMs) / 1000)) : null);
  const last = samples[samples.length - 1];
  return {
    events,
    drained: drainedAt != null,
    eventsPerSFirstHalf: rate(first, half),
    eventsPerSSecondHalf: rate(half, last),
    leftInOutbox: left.n,
    delayedJobs,
    secondsFromWorkerStart: round((end - workerStartedAtMs) / 1000, 1),
    secondsPublishing: firstAt ? round((end - firstAt) / 1000, 1) : null,
    eventsPerS: firstAt ? round((events - left.n) / ((end - firstAt) / 1000)) : 0,
    samples: samples.map(({ s, delayedJobs: n }) => ({ s, delayedJobs: n })),
  };
}

/** Bytes per pending timer: growth of used_memory over the delayed jobs, and one job's own keys as a cross-check. */
async function timerMemory(redis, before, delayedJobs) {
  const after = await redisMemory(redis);
  const [sampleId] = await redis.zrange(DELAYED_KEY, 0, 0);
  const jobKey = `${QUEUE_PREFIX}:escalations:${sampleId}`;
  const jobHashBytes = sampleId ? await redis.memory('USAGE', jobKey, 'SAMPLES', 0) : null;
  const zsetBytes = await redis.memory('USAGE', DELAYED_KEY, 'SAMPLES', 0);
  const sampleJob = sampleId ? await redis.hgetall(jobKey) : {};
  return {
    usedMemoryBefore: before.usedMemory,
    usedMemoryAfter: after.usedMemory,
    delayedJobs,
    bytesPerTimer: delayedJobs ? round((after.usedMemory - before.usedMemory) / delayedJobs) : null,
    datasetBytesPerTimer: delayedJobs ? round((after.usedMemoryDataset - before.usedMemoryDataset) / delayedJobs) : null,
    sampleJobHashBytes: jobHashBytes,
    delayedSetBytesPerEntry: delayedJobs ? round(zsetBytes / delayedJobs) : null,
    sampleJobFields: Object.keys(sampleJob).sort(),
    sampleJobDataBytes: sampleJob.data ? Buffer.byteLength(sampleJob.data) : null,
    sampleJobOptsBytes: sampleJob.opts ? Buffer.byteLength(sampleJob.opts) : null,
  };
}

const BODY =
  'Moda Caddesi üzerinde üç gündür şebeke suyu akmıyor; apartmanımızda yaşlılar ve küçük çocuklar var. ' +
  'İSKİ çağrı merkezini iki kez aradım, arıza kaydı açıldı ama kimse gelmedi. Sokağın köşesindeki vanadan ' +
  'sürekli su sızıyor ve kaldırım çöktü. Lütfen arızanın giderilmesini ve ne zaman su verileceğinin bildirilmesini rica ederim.';
const BODIES = Array.from({ length: 16 }, (_, i) => `${BODY} Bina no ${i + 1}.`);

/** The request of bench/intake-bench.js at a steady rate. */
function intake(durationS) {
  let n = 0;
  return autocannon({
    url: `${API_URL}/api/v1/applications`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: 10,
    duration: durationS,
    overallRate: INTAKE_RATE,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            type: 'complaint',
            topic: 'water',
            body: BODIES[n++ % BODIES.length],
            language: 'tr',
            citizen: { phone: '0532 123 45 67' },
            location: { districtCode: 'TR-34-KDK' },
          }),
        }),
      },
    ],
  });
}

/**
 * Moves the breach of DUE_CLOCKS clocks to instants spread over DUE_WINDOW_S, starting DUE_LEAD_S from now, the way a
 * change of deadline does: the clock gets a new deadline version and an outbox event for its new timer, which replaces
 * the old one. Returns what each clock is now due for.
 */
async function makeDue(f, redis) {
  const { rows: clocks } = await db.query(
    `SELECT id, application_id, escalation_run AS run, deadline_version AS version, next_escalation_step AS step,
       next_escalation_at AS "dueAt"
     FROM sla_clocks WHERE stopped_at IS NULL AND paused_at IS NULL AND next_escalation_at > now() + interval '1 hour'
       -- the loaded answer clocks only, not those intake is starting right now (a first-response clock tops out at its breach)
       AND policy_id = $2 AND kind = 'answer' AND started_at < now() - interval '1 hour'
     ORDER BY id LIMIT $1`,
    [DUE_CLOCKS, f.policyId],
  );
  const startMs = Date.now() + DUE_LEAD_S * 1000;
  const due = clocks.map((c, i) => ({
    id: c.id,
    applicationId: c.application_id,
    run: c.run,
    version: c.version + 1,
    step: f.breachStep,
    dueAt: new Date(startMs + Math.round((i * DUE_WINDOW_S * 1000) / DUE_CLOCKS)),
    replaces: escalationTimerJobId(c.id, { run: c.run, version: c.version, step: c.step, dueAt: c.dueAt.toISOString() }),
  }));
  // Their current timers, before the change that supersedes them: shows that the check at the end can see them.
  const supersededBefore = await jobsExisting(
    redis,
    due.map((d) => d.replaces),
  );
  await db.query('BEGIN');
  await db.query(
    `UPDATE sla_clocks c SET deadline_at = d.due_at, next_escalation_at = d.due_at, next_escalation_step = $3::int,
       last_escalation_step = $3::int - 1, escalation_level = 1, deadline_version = c.deadline_version + 1
     FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) WHERE c.id = d.id`,
    [due.map((d) => d.id), due.map((d) => d.dueAt), f.breachStep],
  );
  await db.query(
    `INSERT INTO outbox_events (topic, aggregate_id, payload)
     SELECT 'sla.escalation_due', d.id, d.payload FROM unnest($1::uuid[], $2::jsonb[]) AS d(id, payload)`,
    [due.map((d) => d.id), due.map(({ id, dueAt, ...timer }) => JSON.stringify({ ...timer, dueAt: dueAt.toISOString() }))],
  );
  await db.query('COMMIT');
  return { due, supersededBefore };
}

/** Autovacuum and autoanalyze runs per table so far: they share the cores with the run and explain part of PostgreSQL's CPU. */
async function autovacuumCounts() {
  const { rows } = await db.query(`SELECT relname, autovacuum_count + autoanalyze_count AS n FROM pg_stat_user_tables`);
  return Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)]));
}

function autovacuumsSince(before, after) {
  return Object.fromEntries(
    Object.entries(after)
      .filter(([table, n]) => n > (before[table] ?? 0))
      .map(([table, n]) => [table, n - (before[table] ?? 0)]),
  );
}

/** Waits (30 s at most) until the worker has routed every application created since `from`. */
async function routingDrained(from) {
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(250)) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM applications WHERE status = 'received' AND created_at >= $1`, [new Date(from)]);
    if (rows[0].n === 0) return;
  }
}

async function jobsExisting(redis, jobIds) {
  const pipeline = redis.pipeline();
  for (const id of jobIds) pipeline.exists(`${QUEUE_PREFIX}:escalations:${id}`);
  return (await pipeline.exec()).reduce((n, [, v]) => n + v, 0);
}

async function firedSoFar(due) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT count(*)::int AS n FROM sla_escalations e JOIN unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at)
       ON e.clock_id = d.id AND e.due_at = d.due_at`,
    [due.map((d) => d.id), due.map((d) => d.dueAt)],
  );
  return r.n;
}

/** Escalation delay while intake runs: fired_at - due_at of the steps made due, and who fired them. */
async function escalationDelay(f, redis, parts) {
  const durationS = DUE_LEAD_S + DUE_WINDOW_S + 15;
  log(
    `escalation delay: ${DUE_CLOCKS.toLocaleString('en-US')} breaches due over ${DUE_WINDOW_S} s from ${DUE_LEAD_S} s on, intake at ${INTAKE_RATE}/s for ${durationS} s`,
  );
  // A warm-up, as in the intake bench: the first seconds of a cold api and worker are not what is measured.
  await intake(WARMUP_S);
  await routingDrained(Date.now() - WARMUP_S * 1000 - 1000);
  const failedBefore = await redis.zcard(`${QUEUE_PREFIX}:escalations:failed`);
  const vacuumBefore = await autovacuumCounts();
  const {
    rows: [{ t: intakeFrom }],
  } = await db.query('SELECT clock_timestamp() AS t');
  const cpu = cpuMeter(parts);
  const load = intake(durationS);
  await sleep(2000);
  const { due, supersededBefore } = await makeDue(f, redis);
  const lastDue = due[due.length - 1].dueAt.getTime();
  // Every step is due by lastDue; the sweeper picks up a lost timer within grace + interval after its instant.
  const giveUpAt = lastDue + SWEEP_GRACE_MS + SWEEP_INTERVAL_MS + 15_000;
  let fired = 0;
  while (Date.now() < giveUpAt) {
    fired = await firedSoFar(due);
    if (fired === due.length) break;
    await sleep(1000);
  }
  const r = await load;
  const { self: loadGenerator, ...cpuSeconds } = cpu.stop();
  const {
    rows: [{ t: intakeTo }],
  } = await db.query('SELECT clock_timestamp() AS t');
  // Routing latency counts every application the run created: let the worker finish the last ones first.
  await routingDrained(intakeFrom);
  const cpuWindowS = r.duration;

  const {
    rows: [stats],
  } = await db.query(
    `SELECT count(*)::int AS fired,
       count(*) FILTER (WHERE e.fired_by = 'timer')::int AS by_timer,
       count(*) FILTER (WHERE e.fired_by = 'sweeper')::int AS by_sweeper,
       count(*) FILTER (WHERE e.step <> $3)::int AS wrong_step,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.fired_at - e.due_at)) * 1000 AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.fired_at - e.due_at)) * 1000 AS p99,
       max(extract(epoch FROM e.fired_at - e.due_at)) * 1000 AS max,
       min(extract(epoch FROM e.fired_at - e.due_at)) * 1000 AS min
     FROM sla_escalations e JOIN unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) ON e.clock_id = d.id AND e.due_at = d.due_at`,
    [due.map((d) => d.id), due.map((d) => d.dueAt), f.breachStep],
  );
  const {
    rows: [others],
  } = await db.query(`SELECT count(*)::int AS n FROM sla_escalations WHERE NOT (clock_id = ANY($1::uuid[]))`, [due.map((d) => d.id)]);
  const {
    rows: [next],
  } = await db.query(
    `SELECT count(*)::int AS planned FROM sla_clocks WHERE id = ANY($1::uuid[]) AND last_escalation_step = $2 AND next_escalation_step = $2 + 1`,
    [due.map((d) => d.id), f.breachStep],
  );
  const supersededLeft = await jobsExisting(
    redis,
    due.map((d) => d.replaces),
  );
  // A clock not left waiting for its next rung is a finding: keep what it looks like (no personal data in these rows).
  const { rows: unplanned } = await db.query(
    `SELECT c.id, c.deadline_at AS "deadlineAt", c.deadline_version AS "deadlineVersion", c.escalation_run AS "run",
       c.last_escalation_step AS "lastStep", c.next_escalation_step AS "nextStep", c.next_escalation_at AS "nextAt",
       c.escalation_level AS "level", c.breached_at AS "breachedAt", c.stopped_at AS "stoppedAt",
       (SELECT json_agg(json_build_object('run', e.run, 'step', e.step, 'dueAt', e.due_at, 'firedAt', e.fired_at, 'firedBy', e.fired_by) ORDER BY e.id)
        FROM sla_escalations e WHERE e.clock_id = c.id) AS escalations,
       (SELECT json_agg(json_build_object('kind', ev.kind, 'at', ev.occurred_at) ORDER BY ev.id)
        FROM application_events ev WHERE ev.application_id = c.application_id) AS history
     FROM sla_clocks c WHERE c.id = ANY($1::uuid[])
       AND (c.last_escalation_step IS DISTINCT FROM $2 OR c.next_escalation_step IS DISTINCT FROM $2 + 1) LIMIT 10`,
    [due.map((d) => d.id), f.breachStep],
  );
  const routing = await db.query(
    `SELECT count(*)::int AS created, count(routed_at)::int AS routed,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM routed_at - created_at)) * 1000 AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM routed_at - created_at)) * 1000 AS p99
     FROM applications WHERE created_at BETWEEN $1 AND $2`,
    [intakeFrom, intakeTo],
  );
  return {
    dueClocks: due.length,
    leadS: DUE_LEAD_S,
    windowS: DUE_WINDOW_S,
    step: 'breach',
    fired: stats.fired,
    missing: due.length - stats.fired,
    byTimer: stats.by_timer,
    bySweeper: stats.by_sweeper,
    wrongStep: stats.wrong_step,
    delayMs: { min: round(stats.min), p50: round(stats.p50), p99: round(stats.p99), max: round(stats.max) },
    nextStepPlanned: next.planned,
    unplanned,
    supersededTimersBefore: supersededBefore,
    supersededTimersLeft: supersededLeft,
    failedJobs: (await redis.zcard(`${QUEUE_PREFIX}:escalations:failed`)) - failedBefore,
    autovacuumsDuringRun: autovacuumsSince(vacuumBefore, await autovacuumCounts()),
    otherEscalationsFired: others.n,
    intake: {
      rate: INTAKE_RATE,
      durationS: round(r.duration, 1),
      accepted: r['2xx'],
      acceptedPerS: round(r['2xx'] / r.duration),
      failed: r.non2xx + r.errors + r.timeouts,
      latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
      routing: { created: routing.rows[0].created, routed: routing.rows[0].routed, p50Ms: round(routing.rows[0].p50), p99Ms: round(routing.rows[0].p99) },
    },
    cpu: cpuShares({ ...cpuSeconds, loadGenerator }, cpuWindowS),
  };
}

/**
 * CPU seconds of each part over a run, and of everything else on the machine (other work sharing the cores makes
 * every figure slower: compare runs whose "others" share is small).
 */
function cpuShares(seconds, windowS) {
  const ours = Object.entries(seconds)
    .filter(([k]) => k !== 'machine')
    .reduce((sum, [, v]) => sum + v, 0);
  const cores = os.cpus().length;
  return {
    seconds: Object.fromEntries(Object.entries({ ...seconds, others: Math.max(0, seconds.machine - ours) }).map(([k, v]) => [k, round(v, 1)])),
    machineBusyPercent: round((100 * seconds.machine) / (windowS * cores)),
    othersPercent: round((100 * Math.max(0, seconds.machine - ours)) / (windowS * cores)),
  };
}

/** Warnings and errors the worker logged (pino JSON lines), counted by message; no payloads are copied. */
function workerLogSummary() {
  const counts = {};
  let lines = 0;
  try {
    for (const line of readFileSync(join(RESULTS_DIR, 'escalations-worker.log'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      if (!(entry.level >= 40)) continue;
      lines++;
      const key = `${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg ?? '?'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  } catch {
    // no log: nothing to count
  }
  return { lines, byMessage: counts };
}

async function measure() {
  const { result, fixtures: f } = JSON.parse(readFileSync(PREPARED, 'utf8'));
  await db.connect();
  const redis = new Redis(REDIS_URL);
  const workerStartedAtMs = Number(env.WORKER_STARTED_AT_MS ?? Date.now());
  const backend = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const postmaster = Number(readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  const parts = {
    api: { pid: Number(env.API_PID) },
    worker: { pid: Number(env.WORKER_PID) },
    postgres: { pid: postmaster, postmaster: true },
    redis: { pid: Number(env.REDIS_PID) },
  };

  log(`relay: ${result.outbox.events.toLocaleString('en-US')} timer events in the outbox (gives up after ${RELAY_TIMEOUT_S} s)`);
  const relayCpu = cpuMeter(parts);
  result.relay = await relay(redis, result.outbox.events, workerStartedAtMs);
  const { self: benchSeconds, ...relayCpuSeconds } = relayCpu.stop();
  result.relay.cpu = cpuShares({ ...relayCpuSeconds, loadGenerator: benchSeconds }, result.relay.secondsFromWorkerStart);
  result.memory = await timerMemory(redis, result.redisBefore, result.relay.delayedJobs);
  log(
    `  ${result.relay.delayedJobs.toLocaleString('en-US')} delayed jobs, ${result.relay.eventsPerS} events/s, ${result.memory.bytesPerTimer} bytes per timer`,
  );
  if (!result.relay.drained) {
    // Its timers would queue behind the backlog: the rest is dropped so the delay run measures the timers, not the backlog.
    const { rowCount } = await db.query(`DELETE FROM outbox_events WHERE topic = 'sla.escalation_due'`);
    result.relay.droppedFromOutbox = rowCount;
    log(`  relay not done in ${RELAY_TIMEOUT_S} s: dropped the ${rowCount.toLocaleString('en-US')} events left`);
  }

  result.delay = await escalationDelay(f, redis, parts);
  result.workerLog = workerLogSummary();
  result.targets = ESCALATION_TARGETS;
  result.verdict = verdict(result);
  const text = render(result);
  writeFileSync(join(RESULTS_DIR, 'escalations-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'escalations-latest.md'), `${text}\n`);
  process.stdout.write(`\n${text}\n\n`);
  redis.disconnect();
  await db.end();
}

const phases = { prepare, measure };
const phase = phases[process.argv[2]];
if (!phase) {
  process.stderr.write('usage: node bench/escalation-bench.js prepare|measure\n');
  process.exit(2);
}
phase().catch(async (error) => {
  process.stderr.write(`escalation bench failed: ${error.stack ?? error}\n`);
  await db.end().catch(() => undefined);
  process.exit(1);
});
