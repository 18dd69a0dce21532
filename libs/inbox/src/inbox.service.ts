import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames, localise } from '@petitio/directory';
import { Clock, ENVIRONMENT, Environment, supportedLanguages } from '@petitio/platform';
import { BusinessCalendarProvider, SlaClocksRepository } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import type { ApplicationStatus } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import { InboxSortField, SortOrder, decodeCursor, encodeCursor } from './inbox-cursor';
import { textSearchCondition } from './full-text-search';
import { InboxSla, governingDeadlines } from './inbox-deadlines';
import { deadlinePassed, deadlineSoon, deadlineToday, withTopic } from '@petitio/reporting';
import { InboxFigureFilter, figureConditions } from './inbox-figure-filter';

/**
 * Deadlines, by the earliest running deadline (`applications.next_deadline_at`, as the dashboard's headline counts):
 * `overdue` passed, `soon` not passed and within SLA_DUE_SOON_HOURS, `today` not passed and before the end of the
 * local day. An overdue application is never also "soon".
 */
export type InboxDue = 'overdue' | 'soon' | 'today';

/** What a staff user asks the inbox for. Every filter narrows; none widens beyond the user's reach. */
export interface InboxQuery {
  statuses?: ApplicationStatus[];
  type?: string;
  topicCode?: string;
  channel?: Channel;
  assignedToMe?: boolean;
  /** No officer assigned yet. */
  unassigned?: boolean;
  /** Applications assigned to exactly this agency (the caller's reach still applies). */
  agencyId?: string;
  /** Inclusive. */
  submittedFrom?: Date;
  /** Exclusive. */
  submittedBefore?: Date;
  /** Changed at or after (inclusive): what a system that keeps a copy asks for, with sort updatedAt ascending. */
  updatedSince?: Date;
  text?: string;
  /** The dashboard's drill-down filters: each says what one of its figures counts, with the same SQL. */
  figure?: InboxFigureFilter;
  due?: InboxDue;
  /** In the center's supervision queue: an open clock whose ladder reached the center. */
  centerEscalated?: boolean;
  sort: InboxSortField;
  order: SortOrder;
  cursor?: string;
  limit: number;
}

/** One line of the inbox: enough to pick what to open, no body and no contact. */
export interface InboxItem {
  id: string;
  trackingNumber: string;
  type: string;
  topic: string | null;
  subject: string;
  status: ApplicationStatus;
  channel: Channel;
  agency: { id: string; code: string; name: string } | null;
  assignedOfficer: { id: string; displayName: string } | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  confidential: boolean;
  /** The governing open deadline (see governing()); null when no clock is open. */
  sla: InboxSla | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

interface InboxRow {
  id: string;
  tracking_number: string;
  type_code: string;
  topic_code: string | null;
  subject: string;
  status: ApplicationStatus;
  channel: Channel;
  agency_id: string | null;
  agency_code: string | null;
  agency_names: LocalisedNames | null;
  officer_id: string | null;
  officer_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  confidential: boolean;
  sort_value: string;
}

const SORT_COLUMNS: Record<InboxSortField, string> = { createdAt: 'a.created_at', updatedAt: 'a.updated_at' };

/** The staff inbox: applications in the caller's reach, filtered, sorted and paged by keyset. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly calendars: BusinessCalendarProvider,
    private readonly clocks: SlaClocksRepository,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /**
   * One query per page, whatever the filters (topic, agency and officer are joined in), and one for the
   * page's open deadlines. Deadline filters are EXISTS on the open clocks, read through their index per row.
   */
  async list(principal: StaffPrincipal, query: InboxQuery, language: string): Promise<InboxPage> {
    const params: unknown[] = [];
    const where = [this.access.condition(principal, params)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.statuses?.length) add((p) => `a.status = ANY(${p}::text[])`, query.statuses);
    if (query.type) add((p) => `a.type_code = ${p}`, query.type);
    if (query.topicCode) add(withTopic, query.topicCode);
    if (query.channel) add((p) => `a.channel = ${p}`, query.channel);
    if (query.assignedToMe) add((p) => `a.assigned_officer_id = ${p}::uuid`, principal.userId);
    if (query.unassigned) where.push('a.assigned_officer_id IS NULL');
    if (query.agencyId) add((p) => `a.assigned_agency_id = ${p}::uuid`, query.agencyId);
    if (query.submittedFrom) add((p) => `a.created_at >= ${p}`, query.submittedFrom);
    if (query.submittedBefore) add((p) => `a.created_at < ${p}`, query.submittedBefore);
    if (query.updatedSince) add((p) => `a.updated_at >= ${p}`, query.updatedSince);
    if (query.text) where.push(textSearchCondition(query.text, params, supportedLanguages(this.env)));
    const now = this.clock.now();
    if (query.figure) where.push(...figureConditions(query.figure, params, now, this.env.CALENDAR_TIME_ZONE));
    const openClock = (condition: string) => `EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND c.stopped_at IS NULL AND ${condition})`;
    if (query.due === 'overdue') add(deadlinePassed, now);
    if (query.due === 'soon') {
      params.push(now, new Date(now.getTime() + this.env.SLA_DUE_SOON_HOURS * 3600_000));
      where.push(deadlineSoon(`$${params.length - 1}`, `$${params.length}`));
    }
    if (query.due === 'today') {
      params.push(now, this.env.CALENDAR_TIME_ZONE);
      where.push(deadlineToday(`$${params.length - 1}`, `$${params.length}`));
    }
    if (query.centerEscalated) where.push(openClock('c.center_escalated_at IS NOT NULL'));

    const column = SORT_COLUMNS[query.sort];
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    if (query.cursor) {
      const after = decodeCursor(query.cursor, query.sort, query.order);
      params.push(after.value, after.id);
      const comparison = query.order === 'asc' ? '>' : '<';
      where.push(`(${column}, a.id) ${comparison} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    // One row more than the page tells whether another page follows. The sort value goes into the cursor
    // as microsecond text: a millisecond Date would make the keyset skip or repeat rows.
    params.push(query.limit + 1);
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT a.id, a.tracking_number, a.type_code, t.code AS topic_code, a.subject, a.status, a.channel,
         g.id AS agency_id, g.code AS agency_code, g.names AS agency_names,
         o.id AS officer_id, o.display_name AS officer_name,
         a.created_at, a.updated_at, a.version, a.confidential,
         to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_value
       FROM applications a
       LEFT JOIN topics t ON t.id = a.topic_id
       LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       LEFT JOIN staff_users o ON o.id = a.assigned_officer_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${column} ${direction}, a.id ${direction}
       LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const deadlines = await governingDeadlines(
      this.clocks,
      this.dataSource.manager,
      page.map((row) => row.id),
      now,
      await this.calendars.calendar(),
    );
    return {
      items: page.map((row) => toItem(row, language, deadlines.get(row.id) ?? null)),
      nextCursor: rows.length > query.limit ? encodeCursor({ sort: query.sort, order: query.order, value: last.sort_value, id: last.id }) : null,
    };
  }
}

function toItem(row: InboxRow, language: string, sla: InboxSla | null): InboxItem {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    type: row.type_code,
    topic: row.topic_code,
    subject: row.subject,
    status: row.status,
    channel: row.channel,
    agency: row.agency_id ? { id: row.agency_id, code: row.agency_code!, name: localise(row.agency_names!, language) } : null,
    assignedOfficer: row.officer_id ? { id: row.officer_id, displayName: row.officer_name! } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    confidential: row.confidential,
    sla,
  };
}
