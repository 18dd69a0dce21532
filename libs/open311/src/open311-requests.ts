import { Injectable } from '@nestjs/common';
import { ApplicationStatus, CLOCK_EVENT_KINDS, formatTrackingNumber, parseTrackingNumber } from '@petitio/applications';
import { CatalogueService } from '@petitio/catalogue';
import { localise } from '@petitio/directory';
import { catalogs } from '@petitio/i18n';
import { IntakeService, PUBLIC_EVENT_KINDS } from '@petitio/intake';
import { Clock, InvalidInputError, NotFoundError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { STATUSES_OF, extendedStatus, open311Status } from './open311-status';
import { Open311Submission, applicationOf, open311Field } from './open311-submission';
import { Open311Receipt, Open311Request, open311Datetime } from './open311-views';

/** The GET requests filters, as the spec names them; `ids` overrides every other. */
export interface Open311Query {
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
  /** The widely used paging extension: 1-based page of `pageSize`. */
  page: number;
  pageSize: number;
  extensions: boolean;
}

/** Without dates the spec shows the last 90 days, and never more than 1000 requests at once. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;

/** The public history lines that say how a request stands (the portal's words); deadline lines do not. */
const STATUS_NOTE_KINDS = PUBLIC_EVENT_KINDS.filter((kind) => !(CLOCK_EVENT_KINDS as readonly string[]).includes(kind));

interface RequestRow {
  tracking_number: string;
  status: ApplicationStatus;
  topic_code: string | null;
  topic_names: Record<string, string> | null;
  agency_names: Record<string, string> | null;
  district_names: Record<string, string> | null;
  province_names: Record<string, string> | null;
  created_at: Date;
  updated_at: Date;
  deadline_at: Date | null;
  merged: boolean;
  last_kind: string | null;
}

/**
 * Service requests by Open311: filed through the same intake as every channel (validation, idempotency, routing),
 * and read back without anything personal. Only the requests Open311 clients filed are listed: the others were
 * given to the government in confidence, not published.
 */
@Injectable()
export class Open311Requests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
  ) {}

  async submit(form: Open311Submission, language: string, clientId: string, idempotencyKey?: string): Promise<Open311Receipt> {
    const code = form.service_code?.trim();
    if (!code) throw new InvalidInputError([{ field: 'service_code', code: 'required' }]);
    const topic = await this.catalogue.topicByCode(code);
    if (!topic || !topic.active) throw new NotFoundError('SERVICE_NOT_FOUND', { args: { code } });
    try {
      // Keys are the client's own: two clients' "1" are different requests.
      const receipt = await this.intake.submit(
        applicationOf(form, code, language, clientId),
        idempotencyKey ? `open311:${clientId}:${idempotencyKey}` : undefined,
      );
      return { service_request_id: formatTrackingNumber(receipt.trackingNumber), service_notice: null, account_id: null };
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(error.problems.map((p) => ({ ...p, field: open311Field(p.field) })));
      throw error;
    }
  }

  async one(id: string, language: string, extensions = false): Promise<Open311Request> {
    const parsed = parseTrackingNumber(id);
    const [found] = parsed.ok ? await this.rows(['a.tracking_number = $1'], [parsed.value], 1, 0) : [];
    if (!found) throw new NotFoundError('SERVICE_REQUEST_NOT_FOUND');
    return this.view(found, language, extensions);
  }

  async list(query: Open311Query, language: string): Promise<Open311Request[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.ids?.length) {
      const numbers = query.ids.map(parseTrackingNumber).flatMap((p) => (p.ok ? [p.value] : []));
      where.push(`a.tracking_number = ANY(${param(numbers)}::text[])`);
    } else {
      const end = query.end ?? this.clock.now();
      const start = query.start ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
      where.push(`a.created_at >= ${param(start)}`, `a.created_at <= ${param(end)}`);
      if (query.serviceCodes?.length) where.push(`t.code = ANY(${param(query.serviceCodes)}::text[])`);
      if (query.statuses?.length) where.push(`a.status = ANY(${param(query.statuses.flatMap((s) => STATUSES_OF[s]))}::text[])`);
    }
    const rows = await this.rows(where, params, query.pageSize, (query.page - 1) * query.pageSize);
    return rows.map((row) => this.view(row, language, query.extensions));
  }

  private rows(where: string[], params: unknown[], limit: number, offset: number): Promise<RequestRow[]> {
    return this.dataSource.query(
      `SELECT a.tracking_number, a.status, t.code AS topic_code, t.names AS topic_names, g.names AS agency_names,
         d.names AS district_names, p.names AS province_names, a.created_at, a.updated_at, a.duplicate_of_id IS NOT NULL AS merged,
         (SELECT c.deadline_at FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'answer'
            AND c.stopped_at IS NULL AND c.paused_at IS NULL ORDER BY c.started_at DESC LIMIT 1) AS deadline_at,
         (SELECT e.kind FROM application_events e WHERE e.application_id = a.id AND e.kind = ANY($${params.length + 1}::text[])
            ORDER BY e.id DESC LIMIT 1) AS last_kind
       FROM applications a
       LEFT JOIN topics t ON t.id = a.topic_id
       LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       LEFT JOIN regions d ON d.code = a.district_code
       LEFT JOIN regions p ON p.code = a.province_code
       WHERE a.channel = 'api' AND ${where.join(' AND ')}
       ORDER BY a.created_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
      [...params, STATUS_NOTE_KINDS],
    );
  }

  private view(row: RequestRow, language: string, extensions: boolean): Open311Request {
    const events = catalogs.texts('portal', language).status.events as unknown as Record<string, string | undefined>;
    const place = [row.district_names, row.province_names].flatMap((names) => (names ? [localise(names, language)] : []));
    return {
      service_request_id: formatTrackingNumber(row.tracking_number),
      status: open311Status(row.status),
      status_notes: (row.last_kind && events[row.last_kind]) || null,
      service_name: row.topic_names ? localise(row.topic_names, language) : null,
      service_code: row.topic_code,
      description: null,
      agency_responsible: row.agency_names ? localise(row.agency_names, language) : null,
      service_notice: null,
      requested_datetime: open311Datetime(row.created_at),
      updated_datetime: open311Datetime(row.updated_at),
      expected_datetime: row.deadline_at ? open311Datetime(row.deadline_at) : null,
      address: place.length ? place.join(', ') : null,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
      ...(extensions ? { extended_attributes: { status: extendedStatus(row.status, row.merged), petitio_status: row.status } } : {}),
    };
  }
}
