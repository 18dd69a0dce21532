'use strict';
// Turns the escalation measurements into the verdict and the Markdown tables printed and saved by escalation-bench.js.

const ESCALATION_TARGETS = { delayP99Ms: 5000 };

/**
 * The sweeper's cost follows the due steps, not the open clocks: with nothing due it reads the same few index pages
 * at every table size, and otherwise at most two buffers per due row (its heap page and a share of the index) plus a
 * few; always through the partial index sla_clocks_escalation_due_idx.
 */
function sweeperScales(sweeper) {
  const buffers = (q) => q.sharedHit + q.sharedRead;
  const sizes = [...new Set(sweeper.map((s) => s.openClocks))].sort((a, b) => a - b);
  const idle = sweeper.filter((s) => s.due === 0).map((s) => buffers(s.all));
  const flatWhenIdle = idle.length > 0 && Math.max(...idle) <= Math.min(...idle) + 2;
  const boundedByDue = sweeper.every((s) => [s.batch, s.all].every((q) => buffers(q) <= 2 * q.rows + 10));
  const throughIndex = sweeper.every((s) => [s.batch, s.all].every((q) => q.plan.includes('sla_clocks_escalation_due_idx')));
  return { pass: flatWhenIdle && boundedByDue && throughIndex, flatWhenIdle, boundedByDue, throughIndex, small: sizes[0], large: sizes[sizes.length - 1] };
}

function verdict(result) {
  const d = result.delay;
  const checks = {
    delay: { pass: d.missing === 0 && d.delayMs.p99 != null && d.delayMs.p99 < ESCALATION_TARGETS.delayP99Ms, p99Ms: d.delayMs.p99 },
    noneMissing: { pass: d.missing === 0 && d.wrongStep === 0 && d.nextStepPlanned === d.dueClocks, missing: d.missing, nextStepPlanned: d.nextStepPlanned },
    // The old timers were there before the change (so the bench names them as the relay does) and gone after it.
    replaced: {
      pass: d.supersededTimersBefore === d.dueClocks && d.supersededTimersLeft === 0,
      before: d.supersededTimersBefore,
      left: d.supersededTimersLeft,
    },
    sweeper: sweeperScales(result.sweeper),
    relay: { pass: result.relay.drained, drained: result.relay.drained, eventsPerS: result.relay.eventsPerS },
  };
  return { pass: Object.values(checks).every((c) => c.pass), checks };
}

const num = (v, digits = 0) => (v == null ? '–' : Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)];
}

const cpuLine = (cpu) =>
  `${Object.entries(cpu.seconds)
    .map(([k, s]) => `${k} ${num(s, 1)}`)
    .join(', ')} (machine ${num(cpu.machineBusyPercent)}% busy, ` + `${num(cpu.othersPercent)}% of it other processes)`;

function render(result) {
  const { load, outbox, relay, memory: m, delay: d, verdict: v, settings } = result;
  const mark = (check) => (check.pass ? 'PASS' : 'FAIL');
  const failed = Object.entries(v.checks)
    .filter(([, c]) => !c.pass)
    .map(([name]) => name);
  const mb = (bytes) => num(bytes / 2 ** 20, 1);

  const setupTable = table(
    ['step', 'rows', 'seconds', 'rows/s'],
    [
      ['applications + running answer clocks (INSERT … SELECT generate_series)', num(load.rows), num(load.seconds, 1), num(load.rowsPerS)],
      ["'sla.escalation_due' outbox events (one per clock)", num(outbox.events), num(outbox.seconds, 1), num(outbox.events / outbox.seconds)],
      [
        `outbox relay → delayed BullMQ jobs${relay.drained ? '' : ` (NOT drained in ${num(relay.secondsFromWorkerStart)} s)`}`,
        num(relay.events - relay.leftInOutbox),
        num(relay.secondsPublishing, 1),
        num(relay.eventsPerS),
      ],
    ],
  );

  const memoryTable = table(
    [
      'delayed jobs (ZCARD)',
      'used_memory before MB',
      'after MB',
      'bytes per timer',
      'dataset bytes per timer',
      'one job hash bytes',
      'delayed-set bytes per entry',
    ],
    [
      [
        num(m.delayedJobs),
        mb(m.usedMemoryBefore),
        mb(m.usedMemoryAfter),
        num(m.bytesPerTimer),
        num(m.datasetBytesPerTimer),
        num(m.sampleJobHashBytes),
        num(m.delayedSetBytesPerEntry),
      ],
    ],
  );

  const sweeperTable = table(
    ['open clocks', 'due', `LIMIT ${settings.sweepBatch} ms`, 'rows', 'buffers', 'all due ms', 'rows', 'buffers', 'plan'],
    result.sweeper.map((s) => [
      num(s.openClocks),
      num(s.due),
      num(s.batch.executionMs, 3),
      num(s.batch.rows),
      num(s.batch.sharedHit + s.batch.sharedRead),
      num(s.all.executionMs, 3),
      num(s.all.rows),
      num(s.all.sharedHit + s.all.sharedRead),
      s.batch.plan,
    ]),
  );

  const delayTable = table(
    [
      'due breaches',
      'fired',
      'missing',
      'by timer',
      'by sweeper',
      'delay p50 ms',
      'p99 ms',
      'max ms',
      'intake accepted/s',
      'intake p99 ms',
      'intake failed',
      'routing p99 ms',
      'machine busy',
    ],
    [
      [
        num(d.dueClocks),
        num(d.fired),
        num(d.missing),
        num(d.byTimer),
        num(d.bySweeper),
        num(d.delayMs.p50),
        num(d.delayMs.p99),
        num(d.delayMs.max),
        num(d.intake.acceptedPerS),
        num(d.intake.latencyMs.p99),
        num(d.intake.failed),
        num(d.intake.routing.p99Ms),
        `${num(d.cpu.machineBusyPercent)}%`,
      ],
    ],
  );

  const { delay, noneMissing, replaced, sweeper, relay: relayCheck } = v.checks;
  const logLines = Object.entries(result.workerLog.byMessage).map(([msg, n]) => `  - ${n} × ${msg}`);
  return [
    '# Petitio escalation bench',
    '',
    `${result.startedAt} · ${result.machine.cpus} CPUs, load average ${result.machine.loadAtStart.join(' ')} at start · Node ${result.machine.node} · ` +
      `PostgreSQL ${result.postgres.server_version} fsync=${result.postgres.fsync}, synchronous_commit=${result.postgres.synchronous_commit} · ` +
      `Redis append-only · one api, one worker · 24/7 calendar · policy ${settings.policy}`,
    '',
    `## ${num(load.rows)} open applications with running answer clocks, and their timers`,
    '',
    ...setupTable,
    '',
    `Relay: ${num(relay.secondsFromWorkerStart, 1)} s from the worker's start; ${num(relay.eventsPerSFirstHalf)} events/s up to half the ` +
      `backlog, ${num(relay.eventsPerSSecondHalf)} after; CPU s during it: ${cpuLine(relay.cpu)}` +
      (relay.droppedFromOutbox ? `; ${num(relay.droppedFromOutbox)} events not relayed in time were dropped before the delay run` : ''),
    '',
    '## Redis memory per pending timer (used_memory growth ÷ delayed jobs)',
    '',
    ...memoryTable,
    '',
    `## Sweeper query (SlaClocksRepository.dueForEscalation), EXPLAIN (ANALYZE, BUFFERS), median of 5 warm runs`,
    '',
    ...sweeperTable,
    '',
    `## Escalation delay (fired_at − due_at) while intake runs at ${num(d.intake.rate)}/s`,
    '',
    `${num(d.dueClocks)} breaches made due at instants spread over ${d.windowS} s, from ${d.leadS} s after their new deadline was committed with its timer event; ` +
      `sweeper every ${num(settings.sweepIntervalMs / 1000)} s for steps ${num(settings.sweepGraceMs / 1000)} s overdue.`,
    '',
    ...delayTable,
    '',
    `CPU s during the run: ${cpuLine(d.cpu)}; autovacuum/autoanalyze runs: ` +
      (Object.entries(d.autovacuumsDuringRun)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ') || 'none'),
    '',
    `Superseded timers in Redis: ${num(d.supersededTimersBefore)} before the change, ${num(d.supersededTimersLeft)} at the end · failed escalation jobs: ${num(d.failedJobs)} · next step planned after the breach: ` +
      `${num(d.nextStepPlanned)}/${num(d.dueClocks)} · other escalations fired: ${num(d.otherEscalationsFired)} · intake accepted ${num(d.intake.accepted)}, ` +
      `p50 ${num(d.intake.latencyMs.p50)} ms; routed ${num(d.intake.routing.routed)}/${num(d.intake.routing.created)}, routing p50 ${num(d.intake.routing.p50Ms)} ms`,
    '',
    `Worker warnings and errors: ${num(result.workerLog.lines)}${logLines.length ? '' : ' (none)'}`,
    ...logLines,
    '',
    `- ${mark(delay)} escalation delay p99 ${num(delay.p99Ms)} ms (target < ${num(ESCALATION_TARGETS.delayP99Ms)} ms)`,
    `- ${mark(noneMissing)} every step made due fired once and planned its next (${num(noneMissing.missing)} missing)`,
    `- ${mark(replaced)} each superseded timer was removed from Redis (${num(replaced.before)} before the change, ${num(replaced.left)} after)`,
    `- ${mark(sweeper)} sweeper cost follows the due steps, not the open clocks (nothing due: same buffers at ` +
      `${num(sweeper.small)} and ${num(sweeper.large)} open clocks: ${sweeper.flatWhenIdle ? 'yes' : 'no'}; at most 2 buffers per due row + 10: ` +
      `${sweeper.boundedByDue ? 'yes' : 'no'}; through sla_clocks_escalation_due_idx: ${sweeper.throughIndex ? 'yes' : 'no'})`,
    `- ${mark(relayCheck)} relay published every timer (${num(relayCheck.eventsPerS)} events/s)`,
    '',
    `Verdict: ${v.pass ? 'PASS' : `FAIL (${failed.join(', ')})`}`,
  ].join('\n');
}

module.exports = { ESCALATION_TARGETS, render, verdict };
