import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames, localise } from '@petitio/directory';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '../access/application-access';
import type { Channel } from '../application.entity';
import {
  AgingBucket,
  DashboardFigures,
  DashboardHeadline,
  DeadlineDimension,
  DeadlineShare,
  ResponseTimes,
  SatisfactionFigures,
  TransferFigures,
  TrendDay,
} from './dashboard-figures';
import { OPEN_STATUSES } from '../application-status';
import { DashboardFilter, localDayStart, scopeCondition } from './dashboard-filter';

/** An answer clock that passed its deadline (fired, or stopped after it): the application was answered late. */
export const LATE_ANSWER_CLOCK = `EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'answer'
  AND (c.breached_at IS NOT NULL OR c.stopped_at > c.deadline_at))`;

type Count = string | number;
const n = (value: Count | null | undefined): number => Number(value ?? 0);
const seconds = (value: string | number | null): number | null => (value === null ? null : Math.round(Number(value)));

/**
 * The SLA dashboard's figures for a principal's reach. Each method is one SQL query over live tables, read through
 * the indexes named next to it; none loops per application. At a million applications a method can be answered
 * from a rollup table instead (same signature, same result), which is the next step: callers do not change.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async figures(principal: StaffPrincipal, filter: DashboardFilter, language: string): Promise<DashboardFigures> {
    const [headline, withinDeadline, responseTimes, aging, transfers, channels, satisfaction, trend] = await Promise.all([
      this.headline(principal, filter),
      this.withinDeadline(principal, filter, language),
      this.responseTimes(principal, filter),
      this.aging(principal, filter),
      this.transfers(principal, filter),
      this.channels(principal, filter),
      this.satisfaction(principal, filter),
      this.trend(principal, filter),
    ]);
    return { headline, withinDeadline, responseTimes, aging, transfers, channels, satisfaction, trend };
  }

  /** Reads open applications through applications_status_created_idx and today's through applications_created_idx. */
  async headline(principal: StaffPrincipal, filter: DashboardFilter): Promise<DashboardHeadline> {
    const params: unknown[] = [this.clock.now(), this.env.CALENDAR_TIME_ZONE, OPEN_STATUSES, this.env.SLA_DUE_SOON_HOURS];
    const where = scopeCondition(this.access, principal, filter, params);
    const running = (condition: string) =>
      `EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND c.stopped_at IS NULL AND c.paused_at IS NULL AND ${condition})`;
    const today = `(date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2)`;
    const [row]: Record<keyof DashboardHeadline, Count>[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.status = ANY($3::text[])) AS "open",
         count(*) FILTER (WHERE a.created_at >= ${today}) AS "receivedToday",
         count(*) FILTER (WHERE a.status = ANY($3::text[]) AND ${running(`c.deadline_at > $1 AND c.deadline_at < ${today} + interval '1 day'`)}) AS "dueToday",
         count(*) FILTER (WHERE a.status = ANY($3::text[]) AND ${running(`c.deadline_at > $1 AND c.deadline_at <= $1 + make_interval(hours => $4)`)}) AS "atRisk",
         count(*) FILTER (WHERE a.status = ANY($3::text[]) AND ${running('c.deadline_at <= $1')}) AS "breached"
       FROM applications a
       WHERE (a.status = ANY($3::text[]) OR a.created_at >= ${today}) AND ${where}`,
      params,
    );
    return { open: n(row.open), receivedToday: n(row.receivedToday), dueToday: n(row.dueToday), atRisk: n(row.atRisk), breached: n(row.breached) };
  }

  /** Every dimension in one pass (GROUPING SETS) over the period's applications (applications_created_idx). */
  async withinDeadline(principal: StaffPrincipal, filter: DashboardFilter, language: string): Promise<DeadlineShare[]> {
    const { where, params } = this.inPeriod(principal, filter);
    const rows: { dimension: DeadlineDimension; key: string | null; names: LocalisedNames | null; answered: Count; within: Count }[] =
      await this.dataSource.query(
        `SELECT CASE WHEN GROUPING(g.code) = 0 THEN 'agency' WHEN GROUPING(a.type_code) = 0 THEN 'type'
                     WHEN GROUPING(t.code) = 0 THEN 'topic' ELSE 'channel' END AS dimension,
           COALESCE(CASE WHEN GROUPING(g.code) = 0 THEN g.code END, CASE WHEN GROUPING(a.type_code) = 0 THEN a.type_code END,
                    CASE WHEN GROUPING(t.code) = 0 THEN t.code END, CASE WHEN GROUPING(a.channel) = 0 THEN a.channel END) AS key,
           CASE WHEN GROUPING(g.code) = 0 THEN min(g.names::text)::jsonb END AS names,
           count(*) AS answered, count(*) FILTER (WHERE NOT late) AS within
         FROM (SELECT a.assigned_agency_id, a.type_code, a.topic_id, a.channel, ${LATE_ANSWER_CLOCK} AS late FROM applications a WHERE a.answered_at IS NOT NULL AND ${where}) a
         LEFT JOIN agencies g ON g.id = a.assigned_agency_id
         LEFT JOIN topics t ON t.id = a.topic_id
         GROUP BY GROUPING SETS ((g.code), (a.type_code), (t.code), (a.channel))
         ORDER BY 1, 2 NULLS LAST`,
        params,
      );
    return rows.map((r) => ({
      dimension: r.dimension,
      key: r.key,
      label: r.dimension === 'agency' && r.names ? localise(r.names, language) : r.key,
      answered: n(r.answered),
      withinDeadline: n(r.within),
    }));
  }

  /** First response: the first stop of a first_response clock (sla_clocks_application_idx); answer: answered_at. */
  async responseTimes(principal: StaffPrincipal, filter: DashboardFilter): Promise<ResponseTimes> {
    const { where, params } = this.inPeriod(principal, filter);
    const [row]: Record<'fr_count' | 'fr_median' | 'fr_p90' | 'an_count' | 'an_median' | 'an_p90', string | null>[] = await this.dataSource.query(
      `SELECT count(fr) AS fr_count, percentile_cont(0.5) WITHIN GROUP (ORDER BY fr) AS fr_median, percentile_cont(0.9) WITHIN GROUP (ORDER BY fr) AS fr_p90,
         count(an) AS an_count, percentile_cont(0.5) WITHIN GROUP (ORDER BY an) AS an_median, percentile_cont(0.9) WITHIN GROUP (ORDER BY an) AS an_p90
       FROM (SELECT extract(epoch FROM (SELECT min(c.stopped_at) FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'first_response') - a.created_at) AS fr,
               extract(epoch FROM a.answered_at - a.created_at) AS an
             FROM applications a WHERE ${where}) x`,
      params,
    );
    return {
      firstResponse: { count: n(row.fr_count), median: seconds(row.fr_median), p90: seconds(row.fr_p90) },
      answer: { count: n(row.an_count), median: seconds(row.an_median), p90: seconds(row.an_p90) },
    };
  }

  /** Open applications by age in whole days (applications_status_created_idx); the period does not apply. */
  async aging(principal: StaffPrincipal, filter: DashboardFilter): Promise<Record<AgingBucket, number>> {
    const params: unknown[] = [this.clock.now(), OPEN_STATUSES];
    const where = scopeCondition(this.access, principal, filter, params);
    const [row]: Record<AgingBucket, Count>[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE days <= 7) AS "0-7", count(*) FILTER (WHERE days BETWEEN 8 AND 15) AS "8-15",
         count(*) FILTER (WHERE days BETWEEN 16 AND 30) AS "16-30", count(*) FILTER (WHERE days > 30) AS "31+"
       FROM (SELECT floor(extract(epoch FROM $1::timestamptz - a.created_at) / 86400) AS days
             FROM applications a WHERE a.status = ANY($2::text[]) AND ${where}) x`,
      params,
    );
    return { '0-7': n(row['0-7']), '8-15': n(row['8-15']), '16-30': n(row['16-30']), '31+': n(row['31+']) };
  }

  async transfers(principal: StaffPrincipal, filter: DashboardFilter): Promise<TransferFigures> {
    const { where, params } = this.inPeriod(principal, filter);
    const [row]: Record<'applications' | 'transfers' | 'pingpong', Count>[] = await this.dataSource.query(
      `SELECT count(*) AS applications, COALESCE(sum(a.transfer_count), 0) AS transfers, count(*) FILTER (WHERE a.transfer_count >= 2) AS pingpong
       FROM applications a WHERE ${where}`,
      params,
    );
    return { applications: n(row.applications), transfers: n(row.transfers), transferredTwiceOrMore: n(row.pingpong) };
  }

  async channels(principal: StaffPrincipal, filter: DashboardFilter): Promise<{ channel: Channel; count: number }[]> {
    const { where, params } = this.inPeriod(principal, filter);
    const rows: { channel: Channel; count: Count }[] = await this.dataSource.query(
      `SELECT a.channel, count(*) AS count FROM applications a WHERE ${where} GROUP BY a.channel ORDER BY count(*) DESC, a.channel`,
      params,
    );
    return rows.map((r) => ({ channel: r.channel, count: n(r.count) }));
  }

  async satisfaction(principal: StaffPrincipal, filter: DashboardFilter): Promise<SatisfactionFigures> {
    const { where, params } = this.inPeriod(principal, filter);
    const [row]: Record<'ratings' | 'average' | 's1' | 's2' | 's3' | 's4' | 's5', string | null>[] = await this.dataSource.query(
      `SELECT count(a.rating) AS ratings, avg(a.rating) AS average,
         count(*) FILTER (WHERE a.rating = 1) AS s1, count(*) FILTER (WHERE a.rating = 2) AS s2, count(*) FILTER (WHERE a.rating = 3) AS s3,
         count(*) FILTER (WHERE a.rating = 4) AS s4, count(*) FILTER (WHERE a.rating = 5) AS s5
       FROM applications a WHERE ${where}`,
      params,
    );
    return {
      ratings: n(row.ratings),
      average: row.average === null ? null : Math.round(Number(row.average) * 100) / 100,
      distribution: [n(row.s1), n(row.s2), n(row.s3), n(row.s4), n(row.s5)],
    };
  }

  /**
   * Received and answered per local day of the period, days without any included. Answers are counted on the
   * day they were given, whenever the application came in (applications_answered_idx).
   */
  async trend(principal: StaffPrincipal, filter: DashboardFilter): Promise<TrendDay[]> {
    const params: unknown[] = [filter.from, filter.to, this.env.CALENDAR_TIME_ZONE];
    const where = scopeCondition(this.access, principal, filter, params);
    const start = localDayStart('$1', '$3');
    const end = `(${localDayStart('$2', '$3')} + interval '1 day')`;
    const rows: { day: string; received: Count; answered: Count }[] = await this.dataSource.query(
      `WITH received AS (
         SELECT (a.created_at AT TIME ZONE $3)::date AS day, count(*) AS n FROM applications a
         WHERE a.created_at >= ${start} AND a.created_at < ${end} AND ${where} GROUP BY 1),
       answered AS (
         SELECT (a.answered_at AT TIME ZONE $3)::date AS day, count(*) AS n FROM applications a
         WHERE a.answered_at >= ${start} AND a.answered_at < ${end} AND ${where} GROUP BY 1)
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(r.n, 0) AS received, COALESCE(w.n, 0) AS answered
       FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
       LEFT JOIN received r ON r.day = d.day::date LEFT JOIN answered w ON w.day = d.day::date
       ORDER BY d.day`,
      params,
    );
    return rows.map((r) => ({ day: r.day, received: n(r.received), answered: n(r.answered) }));
  }

  /** Applications received in the period (local days, both ends included) within reach and filters. */
  private inPeriod(principal: StaffPrincipal, filter: DashboardFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [filter.from, filter.to, this.env.CALENDAR_TIME_ZONE];
    const scope = scopeCondition(this.access, principal, filter, params);
    return {
      where: `a.created_at >= ${localDayStart('$1', '$3')} AND a.created_at < ${localDayStart('$2', '$3')} + interval '1 day' AND ${scope}`,
      params,
    };
  }
}
