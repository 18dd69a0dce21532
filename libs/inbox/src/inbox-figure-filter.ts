import { LATE_ANSWER_CLOCK } from '@petitio/reporting';
import { ANSWERED, FIRST_RESPONSE_GIVEN, answeredFromDay, answeredToDay, atAgency, inAgencySubtree, receivedFromDay, receivedToDay } from '@petitio/reporting';

const DAY_MS = 86_400_000;

/** Answered at all, not yet, late (an answer clock passed its deadline) or within the deadline. */
export type InboxAnswered = 'yes' | 'no' | 'late' | 'within';

/**
 * Filters that reproduce a dashboard figure. Days are local calendar days (YYYY-MM-DD) in CALENDAR_TIME_ZONE,
 * both ends included, as the dashboard's period is.
 */
export interface InboxFigureFilter {
  /** An agency (by code) and everything under it. */
  agencySubtree?: string;
  /** Assigned to exactly this agency (by code). */
  assignedAgency?: string;
  /** Assigned to no agency (not routed yet). */
  noAgency?: boolean;
  /** Without a topic. */
  noTopic?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  answered?: InboxAnswered;
  answeredFrom?: string;
  answeredTo?: string;
  /** Whole days since receipt, both ends included. */
  ageMin?: number;
  ageMax?: number;
  transfersMin?: number;
  /** Rated at all (1–5). */
  rated?: boolean;
  rating?: number;
  /** A first response was given (a first_response clock stopped). */
  firstResponded?: boolean;
}

const ANSWERED_CONDITIONS: Record<InboxAnswered, string> = {
  yes: ANSWERED,
  no: 'a.answered_at IS NULL',
  late: `${ANSWERED} AND ${LATE_ANSWER_CLOCK}`,
  within: `${ANSWERED} AND NOT ${LATE_ANSWER_CLOCK}`,
};

/** The conditions of a figure filter on the applications row `a`, with the dashboard's SQL; parameters go to `params`. */
export function figureConditions(filter: InboxFigureFilter, params: unknown[], now: Date, timeZone: string): string[] {
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let zone: string | undefined;
  const day = (date: string, condition: (date: string, zone: string) => string) => where.push(condition(param(date), (zone ??= param(timeZone))));
  if (filter.agencySubtree) where.push(inAgencySubtree(param(filter.agencySubtree)));
  if (filter.assignedAgency) where.push(atAgency(param(filter.assignedAgency)));
  if (filter.noAgency) where.push('a.assigned_agency_id IS NULL');
  if (filter.noTopic) where.push('a.topic_id IS NULL');
  if (filter.receivedFrom) day(filter.receivedFrom, receivedFromDay);
  if (filter.receivedTo) day(filter.receivedTo, receivedToDay);
  if (filter.answered) where.push(ANSWERED_CONDITIONS[filter.answered]);
  if (filter.answeredFrom) day(filter.answeredFrom, answeredFromDay);
  if (filter.answeredTo) day(filter.answeredTo, answeredToDay);
  // Whole days since receipt, as the aging buckets count them, turned into bounds on created_at (its index serves
  // them): at least n days old is received n days before now or earlier; at most n, less than n + 1 days before.
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  if (filter.ageMin !== undefined) where.push(`a.created_at <= ${param(daysBefore(filter.ageMin))}`);
  if (filter.ageMax !== undefined) where.push(`a.created_at > ${param(daysBefore(filter.ageMax + 1))}`);
  if (filter.transfersMin !== undefined) where.push(`a.transfer_count >= ${param(filter.transfersMin)}`);
  if (filter.rated === true) where.push('a.rating IS NOT NULL');
  if (filter.rated === false) where.push('a.rating IS NULL');
  if (filter.rating !== undefined) where.push(`a.rating = ${param(filter.rating)}`);
  if (filter.firstResponded === true) where.push(FIRST_RESPONSE_GIVEN);
  if (filter.firstResponded === false) where.push(`NOT ${FIRST_RESPONSE_GIVEN}`);
  return where;
}
