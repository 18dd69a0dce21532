import { Injectable } from '@nestjs/common';
import { LocalisedNames, localise } from '@petitio/directory';
import { ForbiddenError, NotFoundError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import { ApplicationAttachments, AttachmentLine } from '@petitio/intake';
import type { ActorType } from '@petitio/applications';
import type { ApplicationStatus } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import {
  IDENTITY_COLUMNS,
  IDENTITY_JOIN,
  IdentityVault,
  ORIGINAL_COLUMNS,
  ORIGINAL_JOIN,
  SealedIdentityColumns,
  SealedOriginalColumns,
  pseudonymOf,
} from '@petitio/privacy';
import { DeadlineDetails, DeadlineLine } from './deadline-details';
import type { InboxSla } from './inbox-deadlines';
import { PersonalDataReads } from './personal-data-reads';

type AgencyRef = { id: string; code: string; name: string };
type StaffRef = { id: string; displayName: string };

/**
 * Everything a staff user needs to work on an application. Pseudonymised unless revealed: the citizen is a pseudonym
 * and the text has its identifiers redacted; a reveal, with a stated reason, adds the identity and the citizen's words.
 */
export interface ApplicationDetail {
  id: string;
  trackingNumber: string;
  type: string;
  topic: string | null;
  /** Redacted, unless `revealed`. */
  subject: string;
  /** Redacted, unless `revealed`. */
  body: string;
  /** What staff call the citizen until a reveal: "Citizen 7F3K". */
  pseudonym: string;
  /** Redaction replaced identifiers in the subject or body: a reveal shows the text as the citizen wrote it. */
  textRedacted: boolean;
  /** This user may reveal the identity and the text, stating why. */
  revealable: boolean;
  /** This response is a reveal: `citizen` and the text are as the citizen gave them, and the read is on record. */
  revealed: boolean;
  /** The reveals of this application, for supervisors, center admins and the data-protection officer; otherwise empty. */
  reveals: RevealLine[];
  status: ApplicationStatus;
  channel: Channel;
  language: string;
  confidential: boolean;
  version: number;
  location: { provinceCode: string | null; districtCode: string | null; latitude: number | null; longitude: number | null };
  agency: AgencyRef | null;
  assignedOfficer: StaffRef | null;
  filedBy: StaffRef | null;
  /** Null unless revealed. */
  citizen: { name: string | null; phone: string | null; email: string | null } | null;
  /** A confidential filing whose identity this user can never reveal. */
  identityHidden: boolean;
  transferCount: number;
  duplicateOfId: string | null;
  rating: number | null;
  ratingComment: string | null;
  createdAt: Date;
  updatedAt: Date;
  routedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  history: HistoryLine[];
  messages: MessageLine[];
  /** The application's SLA clocks, running, paused or stopped, oldest first. */
  deadlines: DeadlineLine[];
  /** The governing open deadline, as on the inbox line; null when no clock is open. */
  sla: InboxSla | null;
  /** The citizen's files, oldest first; download each through the attachments route. */
  attachments: Pick<AttachmentLine, 'id' | 'name' | 'type' | 'size'>[];
}

export interface HistoryLine {
  id: string;
  at: Date;
  kind: string;
  actor: { type: ActorType; id: string | null; displayName: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  fromAgency: AgencyRef | null;
  toAgency: AgencyRef | null;
  data: Record<string, unknown>;
}

/** Who revealed what of the citizen, when and why. */
export interface RevealLine {
  at: Date;
  staff: StaffRef;
  fields: string[];
  reason: string;
}

export interface MessageLine {
  id: string;
  at: Date;
  direction: 'to_citizen' | 'from_citizen';
  kind: string;
  channel: string;
  body: string;
  author: StaffRef | null;
}

interface ApplicationRow extends SealedIdentityColumns, SealedOriginalColumns {
  id: string;
  trackingNumber: string;
  type: string;
  topic: string | null;
  subject: string;
  body: string;
  status: ApplicationStatus;
  channel: Channel;
  language: string;
  confidential: boolean;
  version: number;
  provinceCode: string | null;
  districtCode: string | null;
  latitude: number | null;
  longitude: number | null;
  agencyId: string | null;
  agencyCode: string | null;
  agencyNames: LocalisedNames | null;
  officerId: string | null;
  officerName: string | null;
  filerId: string | null;
  filerName: string | null;
  transferCount: number;
  duplicateOfId: string | null;
  rating: number | null;
  ratingComment: string | null;
  createdAt: Date;
  updatedAt: Date;
  routedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
}

interface EventRow {
  id: string;
  at: Date;
  kind: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  fromAgencyId: string | null;
  fromAgencyCode: string | null;
  fromAgencyNames: LocalisedNames | null;
  toAgencyId: string | null;
  toAgencyCode: string | null;
  toAgencyNames: LocalisedNames | null;
  data: Record<string, unknown>;
}

interface MessageRow {
  id: string;
  at: Date;
  direction: MessageLine['direction'];
  kind: string;
  channel: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
}

/** The identity and contact fields, as their names are written in personal_data_reads. */
const IDENTITY_FIELDS = ['name', 'phone', 'email'] as const;
/** The field a reveal of the unredacted subject and body is recorded as. */
const ORIGINAL_TEXT_FIELD = 'text';
/** Roles that see who revealed what on an application. */
const SEE_REVEALS = new Set<string>(['supervisor', 'center_admin', 'data_protection']);

/** A reveal: its stated reason (kept with the read). */
export interface RevealRequest {
  reason: string;
}

@Injectable()
export class ApplicationDetailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly reads: PersonalDataReads,
    private readonly deadlineDetails: DeadlineDetails,
    private readonly attachmentFiles: ApplicationAttachments,
    private readonly vault: IdentityVault,
  ) {}

  /**
   * Out of reach and nonexistent give the same APPLICATION_NOT_FOUND. Without `reveal` the application is pseudonymised;
   * with it (for a user who may reveal) identity, contact and the original text are opened and recorded in
   * personal_data_reads with the reason before they are returned.
   */
  async find(principal: StaffPrincipal, applicationId: string, language: string, reveal?: RevealRequest): Promise<ApplicationDetail> {
    const params: unknown[] = [applicationId];
    const rows: ApplicationRow[] = await this.dataSource.query(
      `SELECT a.id, a.tracking_number AS "trackingNumber", a.type_code AS type, t.code AS topic, a.subject, a.body,
         a.status, a.channel, a.language, a.confidential, a.version,
         a.province_code AS "provinceCode", a.district_code AS "districtCode", a.latitude, a.longitude,
         g.id AS "agencyId", g.code AS "agencyCode", g.names AS "agencyNames",
         o.id AS "officerId", o.display_name AS "officerName", f.id AS "filerId", f.display_name AS "filerName",
         ${IDENTITY_COLUMNS}, ${ORIGINAL_COLUMNS},
         a.transfer_count AS "transferCount", a.duplicate_of_id AS "duplicateOfId", a.rating, a.rating_comment AS "ratingComment",
         a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.routed_at AS "routedAt",
         a.answered_at AS "answeredAt", a.closed_at AS "closedAt"
       FROM applications a
       LEFT JOIN topics t ON t.id = a.topic_id
       LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       LEFT JOIN staff_users o ON o.id = a.assigned_officer_id
       LEFT JOIN staff_users f ON f.id = a.filed_by_staff_id
       ${IDENTITY_JOIN}
       ${ORIGINAL_JOIN}
       WHERE a.id = $1 AND ${this.access.condition(principal, params)}`,
      params,
    );
    if (rows.length === 0) throw new NotFoundError('APPLICATION_NOT_FOUND');
    const a = rows[0];

    const revealable = this.access.mayReveal(principal, a.confidential);
    if (reveal && !revealable) throw new ForbiddenError(a.confidential ? 'FORBIDDEN:confidential_reveal' : 'FORBIDDEN:reveal_not_permitted');
    // Opened only on a reveal: a pseudonymised page never decrypts anything.
    const citizen = reveal ? await this.vault.openRow(a) : null;
    const original = reveal ? await this.vault.openOriginal(a) : null;
    if (reveal && citizen) {
      const fields = [...IDENTITY_FIELDS.filter((field) => citizen[field] !== null), ...(original ? [ORIGINAL_TEXT_FIELD] : [])];
      // A reveal of nothing (an anonymous filing with nothing redacted) is still on record: the reason was given.
      await this.reads.record(principal.userId, [applicationId], fields.length ? fields : ['none'], undefined, reveal.reason);
    }

    const [history, messages, { deadlines, sla }, attachments, reveals] = await Promise.all([
      this.history(applicationId, language),
      this.messages(applicationId),
      this.deadlineDetails.of(applicationId),
      this.attachmentFiles.linesOf(applicationId),
      principal.roles.some((role) => SEE_REVEALS.has(role)) ? this.reveals(applicationId) : Promise.resolve([]),
    ]);

    return {
      id: a.id,
      trackingNumber: a.trackingNumber,
      type: a.type,
      topic: a.topic,
      subject: original?.subject ?? a.subject,
      body: original?.body ?? a.body,
      pseudonym: pseudonymOf(a.id),
      textRedacted: a.originalSealed !== null,
      revealable,
      revealed: reveal !== undefined,
      reveals,
      status: a.status,
      channel: a.channel,
      language: a.language,
      confidential: a.confidential,
      version: a.version,
      location: { provinceCode: a.provinceCode, districtCode: a.districtCode, latitude: a.latitude, longitude: a.longitude },
      agency: agencyRef(a.agencyId, a.agencyCode, a.agencyNames, language),
      assignedOfficer: a.officerId ? { id: a.officerId, displayName: a.officerName! } : null,
      filedBy: a.filerId ? { id: a.filerId, displayName: a.filerName! } : null,
      citizen,
      identityHidden: a.confidential && !revealable,
      transferCount: a.transferCount,
      duplicateOfId: a.duplicateOfId,
      rating: a.rating,
      ratingComment: a.ratingComment,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      routedAt: a.routedAt,
      answeredAt: a.answeredAt,
      closedAt: a.closedAt,
      history,
      messages,
      deadlines,
      sla,
      attachments: attachments.map(({ id, name, type, size }) => ({ id, name, type, size })),
    };
  }

  /** The whole history, staff names and agencies resolved in the same query. */
  private async history(applicationId: string, language: string): Promise<HistoryLine[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id::text AS id, e.occurred_at AS at, e.kind, e.actor_type AS "actorType", e.actor_id AS "actorId",
         s.display_name AS "actorName", e.from_status AS "fromStatus", e.to_status AS "toStatus", e.data,
         fa.id AS "fromAgencyId", fa.code AS "fromAgencyCode", fa.names AS "fromAgencyNames",
         ta.id AS "toAgencyId", ta.code AS "toAgencyCode", ta.names AS "toAgencyNames"
       FROM application_events e
       LEFT JOIN agencies fa ON fa.id = e.from_agency_id
       LEFT JOIN agencies ta ON ta.id = e.to_agency_id
       LEFT JOIN staff_users s ON e.actor_type = 'staff' AND s.id::text = e.actor_id
       WHERE e.application_id = $1
       ORDER BY e.id`,
      [applicationId],
    );
    return rows.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actor: { type: e.actorType, id: e.actorId, displayName: e.actorName },
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromAgency: agencyRef(e.fromAgencyId, e.fromAgencyCode, e.fromAgencyNames, language),
      toAgency: agencyRef(e.toAgencyId, e.toAgencyCode, e.toAgencyNames, language),
      data: e.data,
    }));
  }

  private async reveals(applicationId: string): Promise<RevealLine[]> {
    const rows: { at: Date; staffId: string; staffName: string; fields: string[]; reason: string }[] = await this.dataSource.query(
      `SELECT r.read_at AS at, s.id AS "staffId", s.display_name AS "staffName", r.fields, r.reason
       FROM personal_data_reads r JOIN staff_users s ON s.id = r.staff_user_id
       WHERE r.application_id = $1 AND r.reason IS NOT NULL ORDER BY r.read_at DESC, r.id DESC LIMIT 100`,
      [applicationId],
    );
    return rows.map((r) => ({ at: r.at, staff: { id: r.staffId, displayName: r.staffName }, fields: r.fields, reason: r.reason }));
  }

  private async messages(applicationId: string): Promise<MessageLine[]> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT m.id, m.created_at AS at, m.direction, m.kind, m.channel, m.body,
         s.id AS "authorId", s.display_name AS "authorName"
       FROM application_messages m LEFT JOIN staff_users s ON s.id = m.author_staff_id
       WHERE m.application_id = $1
       ORDER BY m.created_at, m.id`,
      [applicationId],
    );
    return rows.map((m) => ({
      id: m.id,
      at: m.at,
      direction: m.direction,
      kind: m.kind,
      channel: m.channel,
      body: m.body,
      author: m.authorId ? { id: m.authorId, displayName: m.authorName! } : null,
    }));
  }
}

function agencyRef(id: string | null, code: string | null, names: LocalisedNames | null, language: string): AgencyRef | null {
  return id && code && names ? { id, code, name: localise(names, language) } : null;
}
