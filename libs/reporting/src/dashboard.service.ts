import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames, localise } from '@petitio/directory';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import { OPEN_STATUSES } from '@petitio/applications';
import {
  AGING_BUCKETS,
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
import { DashboardFilter, scopeCondition } from './dashboard-filter';
import { deadlinePassed, deadlineSoon, deadlineToday } from './figure-conditions';
import { DURATION_BUCKETS, durationFigures } from './dashboard-durations';
import { DIMENSION_BITS, sumArray } from './dashboard-rollup-sql';
import { TREND_DAILY_MAX_DAYS, addDays, monthOf, nextMonth, periodLength, rollupSlices } from './rollup-slices';

type Count = string | number;
const n = (value: Count | null | undefined): number => Number(value ?? 0);
const DAY_MS = 86_400_000;

/** The open statuses as SQL text, so that the planner can use the partial index on open applications. */
const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

interface CubeRow {
  dims: number;
  agency: string | null;
  names: LocalisedNames | null;
  type: string | null;
  topic: string | null;
  channel: string | null;
  received: Count;
  answered: Count;
  within: Count;
  transfers: Count;
  twice: Count;
  ratings: number[];
  first: number[];
  answer: number[];
}

/** The period's figures summed over the whole scope ('total') or per value of one dimension. */
interface GroupRow {
  dimension: DeadlineDimension | 'total';
  key: string | null;
  names: LocalisedNames | null;
  received: number;
  answered: number;
  within: number;
  transfers: number;
  twice: number;
  ratings: number[];
  /** Response-time histograms (DURATION_BUCKETS), of the total line only. */
  first: number[];
  answer: number[];
}

const DIMENSIONS: DeadlineDimension[] = ['agency', 'type', 'topic', 'channel'];

interface OpenNow {
  headline: DashboardHeadline;
  aging: Record<AgingBucket, number>;
}
/** How long one count of the open applications serves every caller with the same reach and filters, at most. */
const OPEN_NOW_SHARED_MS = 2000;

/**
 * The SLA dashboard's figures for a principal's reach. Figures about now (headline, aging) read the open
 * applications through their partial index, with the stored next deadline; figures about a period read the
 * rollups (DashboardRollups), whole months from the monthly one, so a view reads thousands of rows, not millions.
 */
@Injectable()
export class DashboardService {
  private readonly openNowShared = new Map<string, { until: number; value: Promise<OpenNow> }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async figures(principal: StaffPrincipal, filter: DashboardFilter, language: string): Promise<DashboardFigures> {
    const [now, groups, trend] = await Promise.all([this.openNow(principal, filter), this.groups(principal, filter), this.trend(principal, filter)]);
    return {
      headline: now.headline,
      withinDeadline: withinDeadlineOf(groups, language),
      responseTimes: responseTimesOf(groups),
      aging: now.aging,
      transfers: transfersOf(groups),
      channels: channelsOf(groups),
      satisfaction: satisfactionOf(groups),
      trend,
    };
  }

  async headline(principal: StaffPrincipal, filter: DashboardFilter): Promise<DashboardHeadline> {
    return (await this.openNow(principal, filter)).headline;
  }

  async aging(principal: StaffPrincipal, filter: DashboardFilter): Promise<Record<AgingBucket, number>> {
    return (await this.openNow(principal, filter)).aging;
  }

  async withinDeadline(principal: StaffPrincipal, filter: DashboardFilter, language: string): Promise<DeadlineShare[]> {
    return withinDeadlineOf(await this.groups(principal, filter), language);
  }

  async transfers(principal: StaffPrincipal, filter: DashboardFilter): Promise<TransferFigures> {
    return transfersOf(await this.groups(principal, filter));
  }

  async channels(principal: StaffPrincipal, filter: DashboardFilter): Promise<{ channel: Channel; count: number }[]> {
    return channelsOf(await this.groups(principal, filter));
  }

  async satisfaction(principal: StaffPrincipal, filter: DashboardFilter): Promise<SatisfactionFigures> {
    return satisfactionOf(await this.groups(principal, filter));
  }

  /**
   * Open applications now, in one index-only pass over applications_open_deadline_idx: by next deadline (breached,
   * at risk, due later today) and by age; and today's arrivals through applications_created_idx. One statement,
   * shared for up to half a live interval (at most OPEN_NOW_SHARED_MS) by every caller with the same reach and
   * filters: each open dashboard tab's live stream asks every interval, and the page asks again as its stream opens.
   */
  private openNow(principal: StaffPrincipal, filter: DashboardFilter): Promise<OpenNow> {
    const scope: unknown[] = [];
    const key = scopeCondition(this.access, principal, filter, scope) + JSON.stringify(scope);
    const at = Date.now();
    const shared = this.openNowShared.get(key);
    if (shared && shared.until > at) return shared.value;
    for (const [k, entry] of this.openNowShared) if (entry.until <= at) this.openNowShared.delete(k);
    const value = this.countOpenNow(principal, filter);
    this.openNowShared.set(key, { until: at + Math.min(OPEN_NOW_SHARED_MS, this.env.DASHBOARD_LIVE_INTERVAL_MS / 2), value });
    value.catch(() => this.openNowShared.delete(key));
    return value;
  }

  private async countOpenNow(principal: StaffPrincipal, filter: DashboardFilter): Promise<OpenNow> {
    const now = this.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    // Limits as parameters and plain timestamp comparisons: at 190,000 open applications, arithmetic per row
    // (an age in days, an interval added) costs more than reading them.
    const params: unknown[] = [now, this.env.CALENDAR_TIME_ZONE, new Date(now.getTime() + this.env.SLA_DUE_SOON_HOURS * 3600_000), ago(8), ago(16), ago(31)];
    const where = scopeCondition(this.access, principal, filter, params);
    const today = `(SELECT date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2)`;
    const [open]: Record<string, Count>[] = await this.dataSource.query(
      `SELECT count(*) AS "open",
         count(*) FILTER (WHERE ${deadlineToday('$1', '$2')}) AS "dueToday",
         count(*) FILTER (WHERE ${deadlineSoon('$1', '$3')}) AS "atRisk",
         count(*) FILTER (WHERE ${deadlinePassed('$1')}) AS "breached",
         count(*) FILTER (WHERE a.created_at > $4) AS "0-7", count(*) FILTER (WHERE a.created_at <= $4 AND a.created_at > $5) AS "8-15",
         count(*) FILTER (WHERE a.created_at <= $5 AND a.created_at > $6) AS "16-30", count(*) FILTER (WHERE a.created_at <= $6) AS "31+",
         (SELECT count(*) FROM applications a WHERE a.created_at >= ${today} AND ${where}) AS "receivedToday"
       FROM applications a WHERE a.status IN ${OPEN_SQL} AND ${where}`,
      params,
    );
    return {
      headline: { open: n(open.open), receivedToday: n(open.receivedToday), dueToday: n(open.dueToday), atRisk: n(open.atRisk), breached: n(open.breached) },
      aging: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, n(open[bucket])])) as Record<AgingBucket, number>,
    };
  }

  /**
   * The period's totals and one line per agency, type, topic and channel: the cube rows split by what the scope
   * needs (see cubeBase) plus each dimension in turn, summed here per line.
   */
  private async groups(principal: StaffPrincipal, filter: DashboardFilter): Promise<GroupRow[]> {
    const base = this.cubeBase(principal, filter);
    const masks = [base, ...DIMENSIONS.map((d) => base | DIMENSION_BITS[d])];
    const { rows, params } = this.periodRows(principal, filter, masks);
    const cube: CubeRow[] = await this.dataSource.query(
      `WITH r AS (${rows})
       SELECT r.dims, g.code AS agency, min(g.names::text)::jsonb AS names, r.type_code AS type, t.code AS topic, r.channel,
         sum(r.received) AS received, sum(r.answered) AS answered, sum(r.answered_within) AS within,
         sum(r.transfers) AS transfers, sum(r.transferred_twice) AS twice, ${sumArray('r.ratings', 5)} AS ratings,
         ${sumArray('r.first_response_histogram', DURATION_BUCKETS)} AS first, ${sumArray('r.answer_histogram', DURATION_BUCKETS)} AS answer
       FROM r LEFT JOIN agencies g ON g.id = r.agency_id LEFT JOIN topics t ON t.id = r.topic_id
       GROUP BY r.dims, g.code, r.type_code, t.code, r.channel`,
      params,
    );
    const lines = new Map<string, GroupRow>();
    const add = (dimension: DeadlineDimension | 'total', key: string | null, row: CubeRow) => {
      const id = `${dimension}\u0000${key ?? ''}`;
      const line = lines.get(id) ?? {
        dimension,
        key,
        names: null,
        received: 0,
        answered: 0,
        within: 0,
        transfers: 0,
        twice: 0,
        ratings: [0, 0, 0, 0, 0],
        first: new Array<number>(DURATION_BUCKETS).fill(0),
        answer: new Array<number>(DURATION_BUCKETS).fill(0),
      };
      line.names = line.names ?? (dimension === 'agency' ? row.names : null);
      line.received += n(row.received);
      line.answered += n(row.answered);
      line.within += n(row.within);
      line.transfers += n(row.transfers);
      line.twice += n(row.twice);
      row.ratings.forEach((count, i) => (line.ratings[i] += Number(count)));
      if (dimension === 'total') {
        row.first.forEach((count, i) => (line.first[i] += Number(count)));
        row.answer.forEach((count, i) => (line.answer[i] += Number(count)));
      }
      lines.set(id, line);
    };
    for (const row of cube) {
      if (row.dims === base) add('total', null, row);
      for (const d of DIMENSIONS) if (row.dims === (base | DIMENSION_BITS[d])) add(d, row[d], row);
    }
    return [...lines.values()].sort((a, b) => a.dimension.localeCompare(b.dimension) || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
  }

  /**
   * The cube rows a scope reads: split by every dimension it filters on, and by agency unless it reaches every
   * agency (a supervisor's subtree is a set of agencies).
   */
  private cubeBase(principal: StaffPrincipal, filter: DashboardFilter): number {
    const everyAgency = this.access.agencyCondition(principal, [], 'agency_id') === 'TRUE';
    return (
      (filter.agencyCode || !everyAgency ? DIMENSION_BITS.agency : 0) |
      (filter.type ? DIMENSION_BITS.type : 0) |
      (filter.topicCode ? DIMENSION_BITS.topic : 0) |
      (filter.channel ? DIMENSION_BITS.channel : 0)
    );
  }

  /** Medians and 90th percentiles from the summed histograms of the period's rollup rows. */
  async responseTimes(principal: StaffPrincipal, filter: DashboardFilter): Promise<ResponseTimes> {
    return responseTimesOf(await this.groups(principal, filter));
  }

  /**
   * Received and answered per local day of the period (per month beyond TREND_DAILY_MAX_DAYS days), points
   * without any included. Answers are counted when they were given, whenever the application came in.
   */
  async trend(principal: StaffPrincipal, filter: DashboardFilter): Promise<TrendDay[]> {
    const daily = periodLength(filter.from, filter.to) <= TREND_DAILY_MAX_DAYS;
    const masks = [this.cubeBase(principal, filter)];
    const { rows, params } = daily ? this.dayRows(principal, filter, masks) : this.periodRows(principal, filter, masks);
    const counted: { point: string; received: Count; answered: Count }[] = await this.dataSource.query(
      `WITH r AS (${rows})
       SELECT to_char(${daily ? 'r.day' : "date_trunc('month', r.day)"}, 'YYYY-MM-DD') AS point, sum(r.received) AS received, sum(r.answered_in_period) AS answered
       FROM r GROUP BY 1`,
      params,
    );
    const byPoint = new Map(counted.map((c) => [c.point, c]));
    const points: TrendDay[] = [];
    for (let day = filter.from; day <= filter.to; day = daily ? addDays(day, 1) : nextMonth(day)) {
      const c = byPoint.get(daily ? day : monthOf(day));
      points.push({ day, unit: daily ? 'day' : 'month', received: n(c?.received), answered: n(c?.answered) });
    }
    return points;
  }

  /** Rollup rows of the period within reach and filters: whole months monthly, the rest daily; `day` is the row's first day. */
  private periodRows(principal: StaffPrincipal, filter: DashboardFilter, masks: number[]): { rows: string; params: unknown[] } {
    const slices = rollupSlices(filter.from, filter.to);
    const params: unknown[] = [filter.from, filter.to, slices.months.from, slices.months.before, masks];
    const scope = `r.dims = ANY($5::smallint[]) AND ${scopeCondition(this.access, principal, filter, params, 'r')}`;
    const columns =
      'r.dims, r.agency_id, r.type_code, r.topic_id, r.channel, r.received, r.answered, r.answered_within, r.transfers, r.transferred_twice, r.ratings, r.answered_in_period, r.answer_histogram, r.first_response_histogram';
    return {
      rows: `SELECT r.month AS day, ${columns} FROM dashboard_monthly r WHERE r.month >= $3::date AND r.month < $4::date AND ${scope}
             UNION ALL
             SELECT r.day, ${columns} FROM dashboard_daily r
             WHERE r.day >= $1::date AND r.day <= $2::date AND NOT (r.day >= $3::date AND r.day < $4::date) AND ${scope}`,
      params,
    };
  }

  /** Daily rollup rows only, for a per-day trend. */
  private dayRows(principal: StaffPrincipal, filter: DashboardFilter, masks: number[]): { rows: string; params: unknown[] } {
    const params: unknown[] = [filter.from, filter.to, masks];
    const scope = `r.dims = ANY($3::smallint[]) AND ${scopeCondition(this.access, principal, filter, params, 'r')}`;
    return { rows: `SELECT r.day, r.received, r.answered_in_period FROM dashboard_daily r WHERE r.day >= $1::date AND r.day <= $2::date AND ${scope}`, params };
  }
}

const totalOf = (groups: GroupRow[]) => groups.find((g) => g.dimension === 'total');

function responseTimesOf(groups: GroupRow[]): ResponseTimes {
  const total = totalOf(groups);
  const none = new Array<number>(DURATION_BUCKETS).fill(0);
  return { firstResponse: durationFigures(total?.first ?? none), answer: durationFigures(total?.answer ?? none) };
}

function withinDeadlineOf(groups: GroupRow[], language: string): DeadlineShare[] {
  return groups
    .filter((g) => g.dimension !== 'total' && n(g.answered) > 0)
    .map((g) => ({
      dimension: g.dimension as DeadlineDimension,
      key: g.key,
      label: g.dimension === 'agency' && g.names ? localise(g.names, language) : g.key,
      answered: n(g.answered),
      withinDeadline: n(g.within),
    }));
}

function transfersOf(groups: GroupRow[]): TransferFigures {
  const total = totalOf(groups);
  return { applications: n(total?.received), transfers: n(total?.transfers), transferredTwiceOrMore: n(total?.twice) };
}

function channelsOf(groups: GroupRow[]): { channel: Channel; count: number }[] {
  return groups
    .filter((g) => g.dimension === 'channel' && n(g.received) > 0)
    .map((g) => ({ channel: g.key as Channel, count: n(g.received) }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}

function satisfactionOf(groups: GroupRow[]): SatisfactionFigures {
  const stars = (totalOf(groups)?.ratings ?? [0, 0, 0, 0, 0]).map(Number) as [number, number, number, number, number];
  const ratings = stars.reduce((sum, count) => sum + count, 0);
  const average = ratings === 0 ? null : stars.reduce((sum, count, i) => sum + count * (i + 1), 0) / ratings;
  return { ratings, average: average === null ? null : Math.round(average * 100) / 100, distribution: stars };
}
