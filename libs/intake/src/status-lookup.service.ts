import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { localise } from '@petitio/directory';
import { BusinessCalendarProvider, SlaClock, SlaClocksRepository } from '@petitio/sla';
import { Clock } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { CLOCK_EVENT_KINDS, ESCALATION_EVENT_KINDS, INTERIM_ANSWER_KIND } from '@petitio/applications';
import { CitizenProof } from './citizen-proof';

/** What anyone holding the tracking number and access code may see: no name, contact, text or staff identity. */
export interface PublicStatus {
  trackingNumber: string;
  type: string;
  topic: string | null;
  status: string;
  submittedAt: Date;
  updatedAt: Date;
  agency: string | null;
  /** For deadline lines, which deadline, why it moved and where it now stands ("clock stopped on X because Y"). */
  history: { at: Date; status: string | null; event: string; deadline?: PublicDeadlineLine }[];
  /** The conversation with the agency (questions, answers, the citizen's replies): no staff names, no internal notes. */
  messages: { at: Date; direction: 'to_citizen' | 'from_citizen'; kind: string; body: string }[];
  /**
   * When the answer is due by law (null while the clock is paused or before routing), and whether it has passed or the
   * answer came after it: `late` only where the clock's policy shows breaches publicly.
   */
  deadline: { at: Date | null; paused: boolean; late: boolean } | null;
  /** How many files the citizen attached; their names and contents are for staff only. */
  attachmentCount: number;
}

/** Event kinds a citizen sees on the status page; internal notes and the like stay inside. */
export const PUBLIC_EVENT_KINDS = [
  'received',
  'routed',
  'assigned',
  'status_changed',
  'transferred',
  'answered',
  'closed',
  'reopened',
  'rejected',
  'information_requested',
  'citizen_replied',
  'appeal_opened',
  'merged_as_duplicate',
  INTERIM_ANSWER_KIND,
  ...CLOCK_EVENT_KINDS,
];
/** A breach shows only where its policy says so: the escalation service marks those lines data.public. */
const BREACH_KIND = ESCALATION_EVENT_KINDS.breach;

@Injectable()
export class StatusLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proof: CitizenProof,
    private readonly catalogue: CatalogueService,
    private readonly clocks: SlaClocksRepository,
    private readonly calendars: BusinessCalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** The public status, for whoever proves they hold the tracking number and access code; `client` as for CitizenProof. */
  async lookup(trackingNumberInput: string, accessCode: string, client: string, language: string): Promise<PublicStatus> {
    const { applicationId, trackingNumber } = await this.proof.verify(trackingNumberInput, accessCode, client);
    const rows: {
      id: string;
      type_code: string;
      topic_id: string | null;
      status: string;
      created_at: Date;
      updated_at: Date;
      agency_names: Record<string, string> | null;
      attachment_count: number;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.type_code, a.topic_id, a.status, a.created_at, a.updated_at, g.names AS agency_names,
         (SELECT count(*)::int FROM application_attachments f WHERE f.application_id = a.id) AS attachment_count
       FROM applications a LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       WHERE a.id = $1`,
      [applicationId],
    );
    const app = rows[0];
    const events: { occurred_at: Date; kind: string; to_status: string | null; data: Record<string, unknown> | null }[] = await this.dataSource.query(
      `SELECT occurred_at, kind, to_status, CASE WHEN kind = ANY($4::text[]) THEN data END AS data FROM application_events
       WHERE application_id = $1 AND (kind = ANY($2::text[]) OR (kind = $3 AND data->>'public' = 'true')) ORDER BY id`,
      [app.id, PUBLIC_EVENT_KINDS.filter((kind) => kind !== BREACH_KIND), BREACH_KIND, [...CLOCK_EVENT_KINDS, BREACH_KIND]],
    );
    const messages: { created_at: Date; direction: 'to_citizen' | 'from_citizen'; kind: string; body: string }[] = await this.dataSource.query(
      'SELECT created_at, direction, kind, body FROM application_messages WHERE application_id = $1 ORDER BY created_at',
      [app.id],
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
      history: events.map((e) => ({ at: e.occurred_at, status: e.to_status, event: e.kind, ...(e.data ? { deadline: deadlineLine(e.data) } : {}) })),
      messages: messages.map((m) => ({ at: m.created_at, direction: m.direction, kind: m.kind, body: m.body })),
      deadline: await this.answerDeadline(app.id),
      attachmentCount: app.attachment_count,
    };
  }

  /** The latest answer clock: the date the law promises the citizen, and whether it is (or was) missed. */
  private async answerDeadline(applicationId: string): Promise<PublicStatus['deadline']> {
    const answer = (await this.clocks.allClocks(this.dataSource.manager, applicationId)).filter((c) => c.kind === 'answer').pop();
    if (!answer) return null;
    const state = SlaClock.state(answer, this.clock.now(), await this.calendars.calendar());
    return { at: answer.pausedAt ? null : answer.deadlineAt, paused: state.paused, late: state.state === 'breached' && answer.terms.publicLateFlag };
  }
}

/** What a deadline line may show the citizen: the kind of deadline, the reason code, and the date it now falls on. */
export interface PublicDeadlineLine {
  kind: string;
  reason: string | null;
  /** Null while the clock is stopped or paused. */
  at: string | null;
}

function deadlineLine(data: Record<string, unknown>): PublicDeadlineLine {
  return {
    kind: String(data.kind ?? ''),
    reason: typeof data.reason === 'string' && /^[a-z_]+$/.test(data.reason) ? data.reason : null,
    at: typeof data.deadline === 'string' ? data.deadline : null,
  };
}
