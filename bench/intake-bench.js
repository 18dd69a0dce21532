'use strict';
// Intake throughput and latency, routing latency, and the raw INSERT limit of the same PostgreSQL.
// Started by bench/run.sh on a private stack; writes bench/results/latest.{json,md}.
const { execFile } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { cpuMeter } = require('./cpu-meter');
const { TARGETS, render, verdict } = require('./report');
const { webhookFanOut } = require('./lib/webhook-fan-out');

const env = process.env;
const API_URL = env.API_URL ?? 'http://127.0.0.1:3390';
const WORKER_URL = env.WORKER_URL ?? 'http://127.0.0.1:3391';
const API_PID = Number(env.API_PID);
const WORKER_PID = Number(env.WORKER_PID);
const REDIS_PID = Number(env.REDIS_PID);
const PG_PORT = env.PG_PORT ?? '54359';
const DATABASE_URL = env.DATABASE_URL;
const RESULTS_DIR = env.RESULTS_DIR ?? join(__dirname, 'results');
const CONCURRENCIES = (env.BENCH_CONCURRENCIES ?? '1,10,50,100').split(',').map(Number);
const DURATION_S = Number(env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(env.BENCH_WARMUP ?? 3);
const STEADY_RATE = Number(env.BENCH_STEADY_RATE ?? 300);
const DRAIN_TIMEOUT_MS = 60_000;
const OPEN311_CONNECTIONS = Number(env.BENCH_OPEN311_CONNECTIONS ?? 50);
const PGBENCH = '/usr/lib/postgresql/15/bin/pgbench';

const BODY =
  'Moda Caddesi üzerinde üç gündür şebeke suyu akmıyor; apartmanımızda yaşlılar ve küçük çocuklar var. ' +
  'İSKİ çağrı merkezini iki kez aradım, arıza kaydı açıldı ama kimse gelmedi. Sokağın köşesindeki vanadan ' +
  'sürekli su sızıyor ve kaldırım çöktü. Lütfen arızanın giderilmesini ve ne zaman su verileceğinin bildirilmesini rica ederim.';
// A few variants, so rows are not byte-identical; same size, same routing outcome.
const BODIES = Array.from({ length: 16 }, (_, i) => `${BODY} Bina no ${i + 1}.`);
const SUBJECT = `${BODY.slice(0, 79).trimEnd()}…`; // what intake derives from a one-line body
const requestBody = (i) =>
  JSON.stringify({
    type: 'complaint',
    topic: 'water',
    body: BODIES[i % BODIES.length],
    language: 'tr',
    citizen: { phone: '0532 123 45 67' },
    location: { districtCode: 'TR-34-KDK' },
  });

const db = new Client({ connectionString: DATABASE_URL });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n, digits = 0) => (n == null || Number.isNaN(n) ? null : Number(Number(n).toFixed(digits)));
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[bench +${Math.round((Date.now() - t0) / 1000)}s] ${msg}\n`);

function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Peak resident memory of a process, sampled every 200 ms until stop() is called. */
function sampleRss(pid) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssMb(pid))) };
}

/** CPU ms per unit of work (an accepted application, a pgbench transaction) for each part. */
function cpuPerUnit(seconds, units, durationS) {
  const perUnit = Object.fromEntries(Object.entries(seconds).map(([k, s]) => [k, round((1000 * s) / units, 2)]));
  return { msPerUnit: perUnit, machineBusyPercent: round((100 * seconds.machine) / (durationS * os.cpus().length)) };
}

async function dbNow() {
  return (await db.query('SELECT clock_timestamp() AS t')).rows[0].t;
}

/** What a run posts: the JSON API, or an Open311 client's form (the same water complaint, the same district). */
const JSON_INTAKE = { path: '/api/v1/applications', headers: { 'content-type': 'application/json' }, body: requestBody };
const open311Intake = (apiKey) => ({
  path: '/open311/v2/requests.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'tr' },
  body: (i) =>
    new URLSearchParams({
      api_key: apiKey,
      service_code: 'water',
      'attribute[district]': 'TR-34-KDK',
      description: BODIES[i % BODIES.length],
      phone: '+905321234567',
    }).toString(),
});

function post({ connections, duration, overallRate, target = JSON_INTAKE }) {
  let n = 0;
  return autocannon({
    url: `${API_URL}${target.path}`,
    method: 'POST',
    headers: target.headers,
    connections,
    duration,
    overallRate,
    requests: [{ setupRequest: (req) => ({ ...req, body: target.body(n++) }) }],
  });
}

/** Waits until the worker has routed everything; returns how long that took after the load stopped. */
async function drain() {
  const from = Date.now();
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM applications WHERE status = 'received'`);
    if (rows[0].n === 0) return (Date.now() - from) / 1000;
    if (Date.now() - from > DRAIN_TIMEOUT_MS) throw new Error(`${rows[0].n} applications still unrouted after ${DRAIN_TIMEOUT_MS / 1000} s`);
    await sleep(100);
  }
}

/** Routing latency (routed_at - created_at) of the applications created between two instants. */
async function routingLatency(from, to) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS created, count(routed_at)::int AS routed,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM routed_at - created_at)) * 1000 AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM routed_at - created_at)) * 1000 AS p99
     FROM applications WHERE created_at BETWEEN $1 AND $2`,
    [from, to],
  );
  return rows[0];
}

/** Batches so far of a process's histogram `metric`: how many, and how many applications they held. */
async function batchesSoFar(url, metric) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (suffix) => Number(new RegExp(`^${metric}_${suffix} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { batches: value('count'), applications: value('sum') };
}

const routingBatches = () => batchesSoFar(WORKER_URL, 'petitio_routing_batch_size');
const intakeBatches = () => batchesSoFar(API_URL, 'petitio_intake_batch_size');
const meanBatch = (before, after) =>
  after.batches > before.batches ? round((after.applications - before.applications) / (after.batches - before.batches), 1) : null;

async function intakeRun(label, options, parts) {
  log(`intake ${label}: ${options.duration} s`);
  const batchesBefore = await routingBatches();
  const intakeBefore = await intakeBatches();
  const from = await dbNow();
  const rss = sampleRss(API_PID);
  const cpu = cpuMeter(parts);
  const r = await post(options);
  const { self: loadGenerator, ...cpuSeconds } = cpu.stop();
  const peakRss = rss.stop();
  const to = await dbNow();
  const intakeAfter = await intakeBatches();
  const drainS = await drain();
  const routing = await routingLatency(from, to);
  const batchesAfter = await routingBatches();
  const accepted = r['2xx'];
  // Up to one in-flight request per connection is stored but not counted when autocannon stops.
  if (Math.abs(routing.created - accepted) > options.connections) log(`  warning: ${accepted} accepted but ${routing.created} rows created`);
  return {
    label,
    connections: options.connections,
    overallRate: options.overallRate ?? null,
    durationS: round(r.duration, 2),
    accepted,
    acceptedPerS: round(accepted / r.duration),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    apiPeakRssMb: round(peakRss),
    // submissions stored per intake statement (group commit)
    meanIntakeBatch: meanBatch(intakeBefore, intakeAfter),
    // cpu during the load only; routing that drains afterwards is not in it
    cpu: cpuPerUnit({ ...cpuSeconds, loadGenerator }, accepted, r.duration),
    rowsCreated: routing.created,
    routing: {
      routed: routing.routed,
      p50Ms: round(routing.p50),
      p99Ms: round(routing.p99),
      drainS: round(drainS, 1),
      meanBatch: meanBatch(batchesBefore, batchesAfter),
    },
  };
}

function pgbench(clients, vars, script = 'raw-intake.sql') {
  const args = [
    '-h',
    '127.0.0.1',
    '-p',
    PG_PORT,
    '-U',
    'postgres',
    '-n',
    '-M',
    'prepared',
    '-f',
    join(__dirname, script),
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(DURATION_S),
  ];
  for (const [k, v] of Object.entries(vars)) args.push('-D', `${k}=${v}`);
  args.push(new URL(DATABASE_URL).pathname.slice(1));
  return new Promise((resolve, reject) =>
    execFile(PGBENCH, args, (error, stdout, stderr) => {
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
      if (error || !tps) return reject(new Error(`pgbench failed: ${stderr || stdout || error}`));
      const number = (re) => Number((re.exec(stdout) ?? [])[1] ?? NaN);
      resolve({
        tps: round(Number(tps[1])),
        transactions: number(/number of transactions actually processed: (\d+)/),
        failed: number(/number of failed transactions: (\d+)/) || 0,
        latencyAvgMs: number(/latency average = ([\d.]+) ms/),
      });
    }),
  );
}

/** Removes what pgbench wrote; the superuser's replica role lets it past the append-only history trigger. */
async function removeRowsSince(from) {
  await db.query('BEGIN');
  await db.query('SET LOCAL session_replication_role = replica');
  const { rows } = await db.query(
    `WITH gone AS (DELETE FROM applications WHERE created_at >= $1 RETURNING id),
       history AS (DELETE FROM application_events WHERE application_id IN (SELECT id FROM gone)),
       identities AS (DELETE FROM citizen_identities WHERE application_id IN (SELECT id FROM gone)),
       events AS (DELETE FROM outbox_events WHERE aggregate_id IN (SELECT id FROM gone))
     SELECT count(*)::int AS n FROM gone`,
    [from],
  );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE applications, application_events, citizen_identities, outbox_events');
  return rows[0].n;
}

/** A key as an operator issues one, with the CLI. */
function issueOpen311Key() {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(__dirname, '..', 'dist/apps/cli/src/main.js'), 'issue-api-key', '--name', 'bench'], (error, stdout, stderr) =>
      error ? reject(new Error(stderr || String(error))) : resolve(stdout.trim().split('\n').pop()),
    ),
  );
}

async function stopWorker() {
  process.kill(WORKER_PID, 'SIGTERM');
  const until = Date.now() + 15_000;
  const alive = () => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${WORKER_PID}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  while (alive()) {
    if (Date.now() > until) process.kill(WORKER_PID, 'SIGKILL');
    await sleep(100);
  }
}

async function main() {
  await db.connect();
  const settings = await db.query(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections')`,
  );
  const postgres = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
  if (postgres.fsync !== 'on' || postgres.synchronous_commit !== 'on') throw new Error(`PostgreSQL is not durable: ${JSON.stringify(postgres)}`);
  const backend = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const postmaster = Number(readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  const parts = { api: { pid: API_PID }, worker: { pid: WORKER_PID }, postgres: { pid: postmaster, postmaster: true }, redis: { pid: REDIS_PID } };
  const result = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAtStart: os.loadavg().map((l) => round(l, 2)), node: process.version },
    settings: {
      durationS: DURATION_S,
      concurrencies: CONCURRENCIES,
      steadyRate: STEADY_RATE,
      databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 20),
      workerNice: Number(env.BENCH_WORKER_NICE ?? 0),
    },
    postgres,
    targets: TARGETS,
    apiIdleRssMb: round(rssMb(API_PID)),
  };

  log(`warm-up: ${WARMUP_S} s at 10 connections`);
  await post({ connections: 10, duration: WARMUP_S });
  await drain();
  result.steady = await intakeRun(`steady ${STEADY_RATE}/s`, { connections: 10, duration: DURATION_S, overallRate: STEADY_RATE }, parts);
  result.intake = [];
  for (const c of CONCURRENCIES) result.intake.push(await intakeRun(`c=${c}`, { connections: c, duration: DURATION_S }, parts));
  // Open311 beside the JSON API, at the concurrency intake peaks at: the same intake behind a form parser, a key check
  // and a rate limit (set out of the way for the bench).
  const open311Key = await issueOpen311Key();
  result.open311 = await intakeRun(
    `open311 c=${OPEN311_CONNECTIONS}`,
    { connections: OPEN311_CONNECTIONS, duration: DURATION_S, target: open311Intake(open311Key) },
    parts,
  );
  result.webhooks = await webhookFanOut({ db, durationS: DURATION_S, connections: OPEN311_CONNECTIONS, submit: post, drain, log });

  // pgbench writes real outbox rows: the worker is stopped first so its relay cannot route them and
  // compete for the CPU; the rows are deleted after each run, so every run starts from the same tables.
  log('stopping the worker for the raw runs');
  await stopWorker();
  const topic = (await db.query(`SELECT id FROM topics WHERE code = 'water'`)).rows[0].id;
  // Intake's runs made the data key; a box of a phone-only identity is about 60 bytes, any bytes do for the raw limit.
  const dataKey = (await db.query('SELECT id FROM vault_data_keys ORDER BY created_at DESC LIMIT 1')).rows[0].id;
  const vars = { topic, subject: SUBJECT, body: BODIES[0], phonehash: 'ab'.repeat(32), datakey: dataKey, sealed: 'cd'.repeat(60) };
  result.raw = [];
  for (const c of CONCURRENCIES) {
    log(`raw pgbench c=${c}: ${DURATION_S} s`);
    const from = await dbNow();
    const cpu = cpuMeter({ postgres: parts.postgres });
    const run = await pgbench(c, vars);
    const { machine, postgres: pg, self } = cpu.stop();
    const rowsWritten = await removeRowsSince(from);
    result.raw.push({ connections: c, ...run, rowsWritten, cpu: cpuPerUnit({ machine, postgres: pg, loadGenerator: self }, run.transactions, DURATION_S) });
  }

  // For reference, PostgreSQL alone writing what intake wrote in its best run: statements of that run's mean
  // batch, as many at once as an api runs (INTAKE_WRITERS). Intake's share of this is what HTTP and Node cost.
  const peak = result.intake.reduce((best, r) => (r.acceptedPerS > best.acceptedPerS ? r : best));
  const rowsPerStatement = Math.max(1, Math.round(peak.meanIntakeBatch ?? 1));
  const writers = Number(env.INTAKE_WRITERS ?? 4);
  log(`raw pgbench, ${rowsPerStatement} rows per statement, c=${writers}: ${DURATION_S} s`);
  const batchedFrom = await dbNow();
  const batched = await pgbench(writers, { ...vars, n: rowsPerStatement }, 'raw-intake-batch.sql');
  const batchedRows = await removeRowsSince(batchedFrom);
  result.rawBatched = {
    connections: writers,
    rowsPerStatement,
    rowsPerS: round(batchedRows / DURATION_S),
    failed: batched.failed,
    peakIntakePerS: peak.acceptedPerS,
  };
  if (batched.failed) log(`  warning: ${batched.failed} batched pgbench transactions failed`);

  result.verdict = verdict(result);
  const text = render(result);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), `${text}\n`);
  process.stdout.write(`\n${text}\n\n`);
  await db.end();
}

main().catch(async (error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  await db.end().catch(() => undefined);
  process.exit(1);
});
