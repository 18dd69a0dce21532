import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames } from '@petitio/directory';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { DURATION_BUCKETS, histogramQuantile } from './dashboard-durations';
import { sumArray } from './dashboard-rollup-sql';
import { localDate, rollupSlices } from './rollup-slices';

/**
 * One line of the public statistics: counts and a median only, never anything about one application. A line with
 * fewer applications than PUBLIC_STATISTICS_MIN_COUNT is withheld: every figure null, `withheld` true. A median
 * or a late share over two or three applications would tell about those people's cases.
 */
export interface PublicStatisticsLine {
  received: number | null;
  answered: number | null;
  /** Answered without a late answer clock whose terms make lateness public (publicLateFlag). */
  answeredWithinDeadline: number | null;
  /** Days from receipt to answer, median of the answered ones (estimated within a histogram bucket); null when none was answered. */
  medianDaysToAnswer: number | null;
  withheld: boolean;
}

export interface PublicStatistics {
  /** Local calendar days, both included: the last 12 months up to today. */
  from: string;
  to: string;
  /** Lines made up of fewer applications than this are withheld. */
  minCount: number;
  total: PublicStatisticsLine;
  byType: (PublicStatisticsLine & { type: string })[];
  /** By top-level agency (a ministry, a municipality), everything under it included. */
  byAgency: (PublicStatisticsLine & { code: string; names: LocalisedNames })[];
}

interface Row {
  type: string | null;
  code: string | null;
  names: LocalisedNames | null;
  is_total: boolean;
  received: string;
  answered: string;
  within: string;
  histogram: number[] | null;
}

/** The line as published: withheld whole when fewer than `minCount` applications make it up. */
export function publishable(line: PublicStatisticsLine, minCount: number): PublicStatisticsLine {
  if ((line.received ?? 0) >= minCount) return line;
  return { received: null, answered: null, answeredWithinDeadline: null, medianDaysToAnswer: null, withheld: true };
}

/**
 * A list's lines, each publishable; where that would withhold exactly one line, the smallest published line is
 * withheld too: a list that adds up to the total (every type does) would give the hidden line away by subtraction.
 */
export function publishableList<T extends PublicStatisticsLine>(lines: T[], minCount: number): T[] {
  const published = lines.map((line) => ({ ...line, ...publishable(line, minCount) }));
  if (published.filter((line) => line.withheld).length !== 1) return published;
  const smallest = published.filter((line) => !line.withheld).sort((a, b) => (a.received ?? 0) - (b.received ?? 0))[0];
  return published.map((line) => (line === smallest ? { ...line, ...publishable({ ...line, received: 0 }, minCount) } : line));
}

function medianDays(histogram: number[] | null | undefined): number | null {
  const seconds = histogram ? histogramQuantile(histogram.map(Number), 0.5) : null;
  return seconds === null ? null : Math.round((seconds / 86_400) * 10) / 10;
}

/**
 * The statistics anyone may read (portal page and open data): aggregates of the last 12 whole months of
 * local days, per type and per top-level agency, in one query with GROUPING SETS.
 */
@Injectable()
export class PublicStatisticsService {
  private cached?: { day: string; until: number; value: Promise<PublicStatistics> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  statistics(): Promise<PublicStatistics> {
    const now = this.clock.now();
    const today = localDate(now, this.env.CALENDAR_TIME_ZONE);
    if (this.cached && this.cached.day === today && this.cached.until > now.getTime()) return this.cached.value;
    const value = this.compute(today);
    // Figures change slowly and anyone may ask: one computation serves every reader for a while.
    this.cached = { day: today, until: now.getTime() + this.env.PUBLIC_STATISTICS_CACHE_SECONDS * 1000, value };
    value.catch(() => (this.cached = undefined));
    return value;
  }

  /** From the rollups: whole months monthly, the rest daily; lines per type and per top-level agency (its subtree). */
  private async compute(today: string): Promise<PublicStatistics> {
    const period = periodOf(today);
    const slices = rollupSlices(period.from, period.to);
    const rows: Row[] = await this.dataSource.query(
      `WITH RECURSIVE roots AS (
         SELECT g.id, g.id AS root FROM agencies g WHERE g.parent_id IS NULL
         UNION ALL SELECT c.id, r.root FROM agencies c JOIN roots r ON c.parent_id = r.id),
       -- The cube's rows split by nothing (0), by agency (1) and by type (2).
       r AS (
         SELECT dims, agency_id, type_code, received, answered, answered_within_public, answer_histogram FROM dashboard_monthly
         WHERE dims IN (0, 1, 2) AND month >= $3::date AND month < $4::date
         UNION ALL
         SELECT dims, agency_id, type_code, received, answered, answered_within_public, answer_histogram FROM dashboard_daily
         WHERE dims IN (0, 1, 2) AND day >= $1::date AND day <= $2::date AND NOT (day >= $3::date AND day < $4::date))
       SELECT r.type_code AS type, g.code, min(g.names::text)::jsonb AS names, r.dims = 0 AS is_total,
         sum(r.received) AS received, sum(r.answered) AS answered, sum(r.answered_within_public) AS within,
         ${sumArray('r.answer_histogram', DURATION_BUCKETS)} AS histogram
       FROM r LEFT JOIN roots x ON x.id = r.agency_id AND r.dims = 1 LEFT JOIN agencies g ON g.id = x.root
       GROUP BY r.dims, r.type_code, g.code
       ORDER BY 4 DESC, 1, 2`,
      [period.from, period.to, slices.months.from, slices.months.before],
    );
    const minCount = this.env.PUBLIC_STATISTICS_MIN_COUNT;
    const line = (r: Row | undefined): PublicStatisticsLine => ({
      received: Number(r?.received ?? 0),
      answered: Number(r?.answered ?? 0),
      answeredWithinDeadline: Number(r?.within ?? 0),
      medianDaysToAnswer: medianDays(r?.histogram),
      withheld: false,
    });
    const total = rows.find((r) => r.is_total);
    return {
      from: period.from,
      to: period.to,
      minCount,
      total: publishable(line(total), minCount),
      byType: publishableList(
        rows.filter((r) => !r.is_total && r.type !== null).map((r) => ({ type: r.type!, ...line(r) })),
        minCount,
      ),
      byAgency: publishableList(
        rows.filter((r) => !r.is_total && r.type === null && r.code !== null).map((r) => ({ code: r.code!, names: r.names!, ...line(r) })),
        minCount,
      ),
    };
  }
}

function periodOf(today: string): { from: string; to: string } {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() - 12);
  return { from: new Date(day.getTime() + 86400_000).toISOString().slice(0, 10), to: today };
}
