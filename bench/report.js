'use strict';
// Turns the measurements into the verdict and the Markdown tables printed and saved by intake-bench.js.

const TARGETS = { acceptedPerS: 1000, p99Ms: 100, routingP99Ms: 1000, shareOfRaw: 0.5 };

function verdict(result) {
  const failures = [result.steady, ...result.intake].reduce((n, r) => n + r.non2xx + r.errors, 0) + result.raw.reduce((n, r) => n + r.failed, 0);
  const withinP99 = result.intake.filter((r) => r.latencyMs.p99 < TARGETS.p99Ms && r.non2xx + r.errors === 0);
  const best = Math.max(0, ...withinP99.map((r) => r.acceptedPerS));
  const peak = result.intake.reduce((a, b) => (b.acceptedPerS > a.acceptedPerS ? b : a));
  const peakRaw = Math.max(...result.raw.map((r) => r.tps));
  const checks = {
    noFailures: { pass: failures === 0, failures },
    throughput: { pass: best >= TARGETS.acceptedPerS, bestAcceptedPerS: best },
    routing: { pass: result.steady.routing.p99Ms < TARGETS.routingP99Ms, steadyP99Ms: result.steady.routing.p99Ms, peakRunP99Ms: peak.routing.p99Ms },
    shareOfRaw: { pass: peak.acceptedPerS / peakRaw >= TARGETS.shareOfRaw, ratio: peak.acceptedPerS / peakRaw, peakIntake: peak.acceptedPerS, peakRaw },
  };
  return { pass: Object.values(checks).every((c) => c.pass), checks };
}

const num = (v, digits = 0) => (v == null ? '–' : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)];
}

function render(result) {
  const { settings, verdict: v } = result;
  const raw = new Map(result.raw.map((r) => [r.connections, r]));
  const runs = [result.steady, ...result.intake, ...(result.open311 ? [result.open311] : [])];

  const intakeTable = table(
    [
      'run',
      'accepted/s',
      'p50 ms',
      'p99 ms',
      'failed',
      'api RSS MB',
      'intake batch',
      'routing p50 ms',
      'routing p99 ms',
      'drain s',
      'routing batch',
      'raw tps',
      'intake/raw',
    ],
    runs.map((r) => {
      const pg = r.overallRate ? undefined : raw.get(r.connections);
      return [
        r.label,
        num(r.acceptedPerS),
        num(r.latencyMs.p50),
        num(r.latencyMs.p99),
        num(r.non2xx + r.errors),
        num(r.apiPeakRssMb),
        num(r.meanIntakeBatch, 1),
        num(r.routing.p50Ms),
        num(r.routing.p99Ms),
        num(r.routing.drainS, 1),
        num(r.routing.meanBatch, 1),
        num(pg?.tps),
        pg ? `${num((100 * r.acceptedPerS) / pg.tps)}%` : '–',
      ];
    }),
  );

  const cpuRow = (label, c) => [
    label,
    num(c.msPerUnit.api, 2),
    num(c.msPerUnit.worker, 2),
    num(c.msPerUnit.postgres, 2),
    num(c.msPerUnit.redis, 2),
    num(c.msPerUnit.loadGenerator, 2),
    num(c.msPerUnit.machine, 2),
    `${num(c.machineBusyPercent)}%`,
  ];
  const cpuTable = table(
    ['run', 'api', 'worker', 'postgres', 'redis', 'load generator', 'whole machine', 'machine busy'],
    [...runs.map((r) => cpuRow(r.label, r.cpu)), ...result.raw.map((r) => cpuRow(`raw c=${r.connections}`, r.cpu))],
  );

  const mark = (check) => (check.pass ? 'PASS' : 'FAIL');
  const { noFailures, throughput, routing, shareOfRaw } = v.checks;
  const failed = Object.entries(v.checks)
    .filter(([, c]) => !c.pass)
    .map(([name]) => name);
  return [
    `# Petitio intake bench`,
    '',
    `${result.startedAt} · ${result.machine.cpus} CPUs, load average ${result.machine.loadAtStart.join(' ')} at start · Node ${result.machine.node} · ` +
      `PostgreSQL fsync=${result.postgres.fsync}, synchronous_commit=${result.postgres.synchronous_commit} · one api (pool ${settings.databasePoolSize}), one worker (nice ${settings.workerNice ?? 0}) · ${settings.durationS} s per run`,
    '',
    '## Intake (POST /api/v1/applications) against the raw INSERT limit (pgbench: the same rows, one application per transaction, same concurrency)',
    '',
    ...intakeTable,
    '',
    ...(result.rawBatched
      ? [
          `For reference, PostgreSQL alone writing the best run's batches (${result.rawBatched.rowsPerStatement} applications per statement, ` +
            `${result.rawBatched.connections} statements at once, as the api runs them): ${num(result.rawBatched.rowsPerS)} applications/s; ` +
            `that run's intake is ${num((100 * result.rawBatched.peakIntakePerS) / result.rawBatched.rowsPerS)}% of it. The rest is HTTP, validation and Node, and the worker on the same cores.`,
          '',
        ]
      : []),
    ...(result.open311
      ? [
          `Open311 (\`POST /open311/v2/requests.json\`, form-encoded, with an API key) beside the JSON API in the same run: ` +
            `${num(result.open311.acceptedPerS)}/s at ${result.open311.connections} connections, p99 ${num(result.open311.latencyMs.p99)} ms ` +
            `(JSON at the same concurrency: ${num(result.intake.find((r) => r.connections === result.open311.connections)?.acceptedPerS)}/s).`,
          '',
        ]
      : []),
    ...(result.webhooks
      ? [
          `## Webhook fan-out (one subscription for every agency, application.routed, a loopback receiver answering 204)`,
          '',
          `${num(result.webhooks.accepted)} applications posted for ${settings.durationS} s at ${result.webhooks.connections} connections: ` +
            `${num(result.webhooks.deliveries)} deliveries (${num(result.webhooks.attempts)} attempts, ${num(result.webhooks.distinctWebhookIds)} distinct webhook ids received) ` +
            `in ${num(result.webhooks.spanS, 1)} s from the first queued to the last delivered: ${num(result.webhooks.deliveredPerS)} deliveries/s; ` +
            `routed → delivered p50 ${num(result.webhooks.routedToDeliveredMs.p50)} ms, p99 ${num(result.webhooks.routedToDeliveredMs.p99)} ms (backlog included).`,
          '',
        ]
      : []),
    '## CPU per accepted application, ms (raw rows: per pgbench transaction; "whole machine" includes anything else running)',
    '',
    ...cpuTable,
    '',
    `- ${mark(noFailures)} no failed requests or transactions (${noFailures.failures})`,
    `- ${mark(throughput)} throughput: best ${num(throughput.bestAcceptedPerS)} accepted/s with p99 < ${TARGETS.p99Ms} ms (target ≥ ${num(TARGETS.acceptedPerS)}/s)`,
    `- ${mark(routing)} routing: p99 ${num(routing.steadyP99Ms)} ms at a steady ${settings.steadyRate}/s (target < ${num(TARGETS.routingP99Ms)} ms); ` +
      `${num(routing.peakRunP99Ms)} ms in the peak run, backlog included`,
    `- ${mark(shareOfRaw)} intake/raw: ${num(100 * shareOfRaw.ratio)}% = peak intake ${num(shareOfRaw.peakIntake)}/s ÷ peak raw ${num(shareOfRaw.peakRaw)} tps (target ≥ ${100 * TARGETS.shareOfRaw}%)`,
    '',
    `Verdict: ${v.pass ? 'PASS' : `FAIL (${failed.join(', ')})`}`,
  ].join('\n');
}

module.exports = { TARGETS, render, verdict };
