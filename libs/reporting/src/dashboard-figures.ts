import type { Channel } from '@petitio/applications';

/** The figures about now: they ignore the period but honour every other filter. */
export interface DashboardHeadline {
  open: number;
  receivedToday: number;
  /** Open applications with a running deadline later today (local day). */
  dueToday: number;
  /** A running deadline within SLA_DUE_SOON_HOURS: the inbox's `due=soon`. */
  atRisk: number;
  /** A running deadline already passed: the inbox's `due=overdue`. */
  breached: number;
}

export type DeadlineDimension = 'agency' | 'type' | 'topic' | 'channel';

/** Applications received in the period and answered, and how many of those within their answer deadline. */
export interface DeadlineShare {
  dimension: DeadlineDimension;
  /** Agency code, type code, topic code or channel; null: none (no agency or no topic). */
  key: string | null;
  /** Localised agency name; the key otherwise. */
  label: string | null;
  answered: number;
  withinDeadline: number;
}

/** Durations in seconds, estimated from the rollups' histograms (see dashboard-durations); null when nothing was measured. */
export interface DurationFigures {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface ResponseTimes {
  firstResponse: DurationFigures;
  answer: DurationFigures;
}

export const AGING_BUCKETS = ['0-7', '8-15', '16-30', '31+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface TransferFigures {
  applications: number;
  transfers: number;
  /** Transferred twice or more: ping-pong between agencies. */
  transferredTwiceOrMore: number;
}

export interface SatisfactionFigures {
  ratings: number;
  /** Mean of 1–5, null without ratings. */
  average: number | null;
  /** Count per star, index 0 is one star. */
  distribution: [number, number, number, number, number];
}

export interface TrendDay {
  /** Local calendar day, YYYY-MM-DD: the point's first day within the period. */
  day: string;
  /** A point per day for periods up to TREND_DAILY_MAX_DAYS, else per calendar month (the ends may be partial). */
  unit: 'day' | 'month';
  received: number;
  answered: number;
}

export interface DashboardFigures {
  headline: DashboardHeadline;
  withinDeadline: DeadlineShare[];
  responseTimes: ResponseTimes;
  aging: Record<AgingBucket, number>;
  transfers: TransferFigures;
  channels: { channel: Channel; count: number }[];
  satisfaction: SatisfactionFigures;
  trend: TrendDay[];
}
