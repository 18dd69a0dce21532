import { REDACTION_KINDS, RedactionFinding, RedactionKind } from './redaction-finding';
import { redactPersonalData } from './redact-personal-data';
import { MarkedSpan, RedactionCase, REDACTION_TEST_SET, KeptKind } from './redaction-test-set';

export interface KindFigures {
  kind: RedactionKind | 'all';
  expected: number;
  found: number;
  correct: number;
  /** Share of the expected spans found exactly, with their kind; 1 when none was expected. */
  recall: number;
  /** Share of the findings that are exactly an expected span of their kind; 1 when nothing was found. */
  precision: number;
}

export interface RedactionMistake {
  text: string;
  kind: string;
  value: string;
}

export interface RedactionFigures {
  cases: number;
  casesWithoutIdentifiers: number;
  byKind: KindFigures[];
  all: KindFigures;
  missed: RedactionMistake[];
  wronglyRedacted: RedactionMistake[];
  /** Tracking numbers, dates and the other marked digits that a finding touched. */
  keptButRedacted: RedactionMistake[];
}

type Redact = (text: string, options: { defaultCountry: RedactionCase['defaultCountry'] }) => { findings: RedactionFinding[] };

/** Runs every case and counts, per kind, what was found exactly, what was missed and what was redacted without cause. */
export function redactionFigures(cases: readonly RedactionCase[] = REDACTION_TEST_SET, redact: Redact = redactPersonalData): RedactionFigures {
  const tally = new Map(REDACTION_KINDS.map((kind) => [kind, { expected: 0, found: 0, correct: 0 }]));
  const missed: RedactionMistake[] = [];
  const wronglyRedacted: RedactionMistake[] = [];
  const keptButRedacted: RedactionMistake[] = [];
  for (const c of cases) {
    const { findings } = redact(c.text, { defaultCountry: c.defaultCountry });
    const same = (f: RedactionFinding, e: MarkedSpan<RedactionKind>) => f.kind === e.kind && f.start === e.start && f.end === e.end;
    for (const e of c.expected) {
      tally.get(e.kind)!.expected++;
      if (!findings.some((f) => same(f, e))) missed.push({ text: c.text, kind: e.kind, value: e.value });
    }
    for (const f of findings) {
      const t = tally.get(f.kind)!;
      t.found++;
      if (c.expected.some((e) => same(f, e))) t.correct++;
      else wronglyRedacted.push({ text: c.text, kind: f.kind, value: c.text.slice(f.start, f.end) });
    }
    for (const k of c.kept as MarkedSpan<KeptKind>[]) {
      if (findings.some((f) => f.start < k.end && k.start < f.end)) keptButRedacted.push({ text: c.text, kind: k.kind, value: k.value });
    }
  }
  const byKind = REDACTION_KINDS.map((kind) => figures(kind, tally.get(kind)!));
  const sum = (key: 'expected' | 'found' | 'correct') => byKind.reduce((n, k) => n + k[key], 0);
  return {
    cases: cases.length,
    casesWithoutIdentifiers: cases.filter((c) => c.expected.length === 0).length,
    byKind,
    all: figures('all', { expected: sum('expected'), found: sum('found'), correct: sum('correct') }),
    missed,
    wronglyRedacted,
    keptButRedacted,
  };
}

function figures(kind: KindFigures['kind'], t: { expected: number; found: number; correct: number }): KindFigures {
  return { kind, ...t, recall: t.expected ? t.correct / t.expected : 1, precision: t.found ? t.correct / t.found : 1 };
}

/** The figures as a Markdown table, one row per kind and one for all. */
export function figuresTable(f: RedactionFigures): string {
  const head = ['kind', 'expected', 'found', 'correct', 'recall', 'precision'];
  const rows = [...f.byKind, f.all].map((k) => [k.kind, String(k.expected), String(k.found), String(k.correct), k.recall.toFixed(3), k.precision.toFixed(3)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
