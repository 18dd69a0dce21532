import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames } from '@petitio/directory';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import { DataSource } from 'typeorm';

/** One line of the public statistics: counts and a median only, never anything about one application. */
export interface PublicStatisticsLine {
  received: number;
  answered: number;
  /** Answered without a late answer clock whose terms make lateness public (publicLateFlag). */
  answeredWithinDeadline: number;
  /** Days from receipt to answer, median of the answered ones; null when none was answered. */
  medianDaysToAnswer: number | null;
}

export interface PublicStatistics {
  /** Local calendar days, both included: the last 12 months up to today. */
  from: string;
  to: string;
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
  median_days: string | null;
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
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: this.env.CALENDAR_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    if (this.cached && this.cached.day === today && this.cached.until > now.getTime()) return this.cached.value;
    const value = this.compute(today);
    // Figures change slowly and anyone may ask: one computation serves every reader for a while.
    this.cached = { day: today, until: now.getTime() + this.env.PUBLIC_STATISTICS_CACHE_SECONDS * 1000, value };
    value.catch(() => (this.cached = undefined));
    return value;
  }

  private async compute(today: string): Promise<PublicStatistics> {
    const rows: (Row & { from: string; to: string })[] = await this.dataSource.query(
      `WITH RECURSIVE roots AS (
         SELECT g.id, g.id AS root FROM agencies g WHERE g.parent_id IS NULL
         UNION ALL SELECT c.id, r.root FROM agencies c JOIN roots r ON c.parent_id = r.id),
       period AS (
         SELECT ($1::date - interval '12 months')::date + 1 AS first_day, $1::date AS last_day),
       counted AS (
         SELECT a.type_code, r.root, a.answered_at IS NOT NULL AS answered,
           EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'answer'
             AND (c.breached_at IS NOT NULL OR c.stopped_at > c.deadline_at)
             AND (c.terms->>'publicLateFlag')::boolean IS DISTINCT FROM false) AS late,
           extract(epoch FROM a.answered_at - a.created_at) / 86400 AS days
         FROM applications a CROSS JOIN period p
         LEFT JOIN roots r ON r.id = a.assigned_agency_id
         WHERE a.created_at >= (p.first_day::timestamp AT TIME ZONE $2) AND a.created_at < ((p.last_day + 1)::timestamp AT TIME ZONE $2))
       SELECT x.type_code AS type, g.code, g.names, GROUPING(x.type_code, x.root) = 3 AS is_total,
         count(*) AS received, count(*) FILTER (WHERE x.answered) AS answered, count(*) FILTER (WHERE x.answered AND NOT x.late) AS within,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days) AS median_days,
         (SELECT to_char(first_day, 'YYYY-MM-DD') FROM period) AS "from", (SELECT to_char(last_day, 'YYYY-MM-DD') FROM period) AS "to"
       FROM counted x LEFT JOIN agencies g ON g.id = x.root
       GROUP BY GROUPING SETS ((), (x.type_code), (x.root, g.code, g.names))
       ORDER BY 4 DESC, 1, 2`,
      [today, this.env.CALENDAR_TIME_ZONE],
    );
    const line = (r: Row | undefined): PublicStatisticsLine => ({
      received: Number(r?.received ?? 0),
      answered: Number(r?.answered ?? 0),
      answeredWithinDeadline: Number(r?.within ?? 0),
      medianDaysToAnswer: r?.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10,
    });
    const total = rows.find((r) => r.is_total);
    const fallback = periodOf(today);
    return {
      from: total?.from ?? fallback.from,
      to: total?.to ?? fallback.to,
      total: line(total),
      byType: rows.filter((r) => !r.is_total && r.type !== null).map((r) => ({ type: r.type!, ...line(r) })),
      byAgency: rows.filter((r) => !r.is_total && r.type === null && r.code !== null).map((r) => ({ code: r.code!, names: r.names!, ...line(r) })),
    };
  }
}

function periodOf(today: string): { from: string; to: string } {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() - 12);
  return { from: new Date(day.getTime() + 86400_000).toISOString().slice(0, 10), to: today };
}
