import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { localise } from '@petitio/directory';
import { AttemptCounter, ENVIRONMENT, Environment, InvalidInputError, NotFoundError, TooManyRequestsError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { AccessCodes } from './access-code';
import { parseTrackingNumber } from './tracking-number';

/** What anyone holding the tracking number and access code may see: no name, contact, text or staff identity. */
export interface PublicStatus {
  trackingNumber: string;
  type: string;
  topic: string | null;
  status: string;
  submittedAt: Date;
  updatedAt: Date;
  agency: string | null;
  history: { at: Date; status: string | null; event: string }[];
}

/** Event kinds a citizen sees on the status page; internal notes and the like stay inside. */
const PUBLIC_EVENT_KINDS = ['received', 'routed', 'assigned', 'status_changed', 'transferred', 'answered', 'closed', 'reopened', 'rejected'];
const HOUR = 3600;

@Injectable()
export class StatusLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessCodes: AccessCodes,
    private readonly catalogue: CatalogueService,
    private readonly attempts: AttemptCounter,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /**
   * An unknown number and a wrong code give the same NotFound, after the same work,
   * and both count towards the per-number limit that stops code guessing.
   */
  async lookup(trackingNumberInput: string, accessCode: string, language: string): Promise<PublicStatus> {
    const parsed = parseTrackingNumber(trackingNumberInput);
    if (!parsed.ok) {
      throw new InvalidInputError([
        parsed.reason === 'check_digit'
          ? { field: 'trackingNumber', code: 'check_digit', message: 'this tracking number has a typing mistake: please check the digits' }
          : { field: 'trackingNumber', code: 'format', message: 'a tracking number has 11 digits, like 4827-3915-602' },
      ]);
    }
    const trackingNumber = parsed.value;
    const limitKey = `lookup-failures:${trackingNumber}`;
    const failures = await this.attempts.peek(limitKey, HOUR);
    if (failures.count >= this.env.STATUS_LOOKUP_LIMIT_PER_NUMBER_PER_HOUR) throw new TooManyRequestsError(failures.retryAfterSeconds);

    const rows: {
      id: string;
      type_code: string;
      topic_id: string | null;
      status: string;
      created_at: Date;
      updated_at: Date;
      agency_names: Record<string, string> | null;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.type_code, a.topic_id, a.status, a.created_at, a.updated_at, g.names AS agency_names
       FROM applications a LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       WHERE a.tracking_number = $1`,
      [trackingNumber],
    );
    const codeMatches = this.accessCodes.matches(trackingNumber, accessCode);
    if (rows.length === 0 || !codeMatches) {
      await this.attempts.increment(limitKey, HOUR);
      throw new NotFoundError('APPLICATION_NOT_FOUND', 'no application matches this tracking number and access code');
    }
    const app = rows[0];
    const events: { occurred_at: Date; kind: string; to_status: string | null }[] = await this.dataSource.query(
      `SELECT occurred_at, kind, to_status FROM application_events
       WHERE application_id = $1 AND kind = ANY($2::text[]) ORDER BY id`,
      [app.id, PUBLIC_EVENT_KINDS],
    );
    const topic = app.topic_id ? await this.catalogue.topicById(app.topic_id) : undefined;
    return {
      trackingNumber,
      type: app.type_code,
      topic: topic ? localise(topic.names, language) : null,
      status: app.status,
      submittedAt: app.created_at,
      updatedAt: app.updated_at,
      agency: app.agency_names ? localise(app.agency_names, language) : null,
      history: events.map((e) => ({ at: e.occurred_at, status: e.to_status, event: e.kind })),
    };
  }
}
