'use strict';
// Redaction of personal data in free text: recall and precision per kind on the hand-written test set, then throughput,
// one sentence per call as intake redacts a submission, and the whole set joined as one long document.
// Runs against the build: npm run build && node bench/redaction.js. Writes bench/results/redaction.{json,md}.
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { redactPersonalData } = require('../dist/libs/privacy/src/redaction/redact-personal-data');
const { REDACTION_TEST_SET } = require('../dist/libs/privacy/src/redaction/redaction-test-set');
const { figuresTable, redactionFigures } = require('../dist/libs/privacy/src/redaction/redaction-figures');

const env = process.env;
const RESULTS_DIR = env.RESULTS_DIR ?? join(__dirname, 'results');
const ROUNDS = Number(env.BENCH_REDACTION_ROUNDS ?? 100); // passes over the set per timed run
const RUNS = Number(env.BENCH_REDACTION_RUNS ?? 5); // timed runs; the median is reported
const DOCUMENT_MB = Number(env.BENCH_REDACTION_DOCUMENT_MB ?? 1);

const round = (n, digits = 0) => Number(n.toFixed(digits));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Seconds of the median of RUNS runs of `work`, after one run to warm the JIT up. */
function timed(work) {
  work();
  const seconds = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return median(seconds);
}

function sentencesPerCall() {
  const cases = REDACTION_TEST_SET;
  const bytes = cases.reduce((n, c) => n + utf8Bytes(c.text), 0);
  const seconds = timed(() => {
    for (let r = 0; r < ROUNDS; r++) for (const c of cases) redactPersonalData(c.text, { defaultCountry: c.defaultCountry });
  });
  const sentences = ROUNDS * cases.length;
  return {
    mode: 'one sentence per call',
    sentences,
    mb: (ROUNDS * bytes) / 1e6,
    seconds,
    sentencesPerS: sentences / seconds,
    mbPerS: (ROUNDS * bytes) / 1e6 / seconds,
  };
}

// One long text shows the cost grows with the length and not faster: no detector goes back over what it has read.
function oneDocument() {
  const turkishAndEnglish = REDACTION_TEST_SET.filter((c) => c.defaultCountry === 'TR').map((c) => c.text);
  const once = turkishAndEnglish.join('\n');
  const copies = Math.max(1, Math.round((DOCUMENT_MB * 1e6) / utf8Bytes(once)));
  const document = Array.from({ length: copies }, () => once).join('\n');
  const bytes = utf8Bytes(document);
  const seconds = timed(() => redactPersonalData(document));
  const sentences = copies * turkishAndEnglish.length;
  return { mode: 'the set as one document', sentences, mb: bytes / 1e6, seconds, sentencesPerS: sentences / seconds, mbPerS: bytes / 1e6 / seconds };
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function mistakes(title, list) {
  if (list.length === 0) return `${title}: none`;
  return [`${title}:`, ...list.map((m) => `- ${m.kind} \`${m.value}\` in: ${m.text.replace(/\n/g, ' ')}`)].join('\n');
}

function main() {
  const figures = redactionFigures();
  const throughput = [sentencesPerCall(), oneDocument()];
  const settings = { rounds: ROUNDS, runs: RUNS, documentMb: DOCUMENT_MB, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown' };
  const byLanguage = ['tr', 'en', 'pt'].map((l) => `${l} ${REDACTION_TEST_SET.filter((c) => c.language === l).length}`).join(', ');
  const text = [
    '# Redaction of personal data',
    '',
    `${figures.cases} sentences (${byLanguage}), ${figures.casesWithoutIdentifiers} without any identifier; ` +
      `a finding is correct when its kind and span are exactly those marked.`,
    '',
    figuresTable(figures),
    '',
    mistakes('Missed', figures.missed),
    mistakes('Wrongly redacted', figures.wronglyRedacted),
    mistakes('Tracking numbers, dates and other kept digits redacted', figures.keptButRedacted),
    '',
    table(
      ['throughput', 'sentences', 'MB', 'median s', 'sentences/s', 'MB/s'],
      throughput.map((t) => [t.mode, t.sentences, round(t.mb, 2), round(t.seconds, 3), round(t.sentencesPerS), round(t.mbPerS, 2)]),
    ),
    '',
    `Node ${settings.node} on ${settings.cpu}, one core; median of ${RUNS} runs, ${ROUNDS} passes over the set per run.`,
  ].join('\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'redaction.json'), `${JSON.stringify({ settings, figures, throughput }, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'redaction.md'), `${text}\n`);
  process.stdout.write(`\n${text}\n\n`);
}

main();
