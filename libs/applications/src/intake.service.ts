import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService } from '@petitio/directory';
import {
  ConflictError,
  ENVIRONMENT,
  Environment,
  FieldProblem,
  InvalidInputError,
  OutboxWriter,
  PreparedQuery,
  OutboxTopic,
  isUniqueViolation,
  supportedLanguages,
} from '@petitio/platform';
import { DataSource } from 'typeorm';
import { AccessCodes } from './access-code';
import type { AttachmentRecord } from './attachments/application-attachments';
import { NewApplication, Receipt } from './new-application';
import { toE164 } from './phone-number';
import { generateTrackingNumber } from './tracking-number';

interface PreparedApplication {
  type: string;
  topicId: string | null;
  subject: string;
  body: string;
  channel: string;
  language: string;
  citizenName: string | null;
  citizenPhone: string | null;
  citizenEmail: string | null;
  provinceCode: string | null;
  districtCode: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential: boolean;
}

const TRACKING_NUMBER_ATTEMPTS = 5;

/**
 * Accepts applications from every channel. An application is acknowledged only after
 * it, its first history line and its `application.received` event are committed together.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prepared: PreparedQuery,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly accessCodes: AccessCodes,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async submit(input: NewApplication, idempotencyKey?: string): Promise<Receipt> {
    const prepared = await this.prepare(input);
    const filedByStaffId = input.submittedBy.type === 'staff' ? (input.submittedBy.id ?? null) : null;
    const attachments = input.attachments ?? [];
    const fingerprint = idempotencyKey ? fingerprintOf(prepared, filedByStaffId, attachments) : null;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store(prepared, input, attachments, filedByStaffId, idempotencyKey ?? null, fingerprint);
      } catch (error) {
        // 10^10 numbers make a clash rare; when one happens, draw again.
        if (attempt < TRACKING_NUMBER_ATTEMPTS && isUniqueViolation(error, 'applications_tracking_number_key')) continue;
        throw error;
      }
    }
  }

  /**
   * One statement writes the application, its first history line, its attachments' rows and its outbox event:
   * atomic without an explicit transaction, and a single round trip on the busiest path.
   * With an Idempotency-Key already taken, nothing is written and the first answer is replayed.
   */
  private async store(
    a: PreparedApplication,
    input: NewApplication,
    attachments: AttachmentRecord[],
    filedByStaffId: string | null,
    idempotencyKey: string | null,
    fingerprint: string | null,
  ): Promise<Receipt> {
    const trackingNumber = generateTrackingNumber();
    const inserted = await this.prepared.rows<{ id: string; created_at: Date }>(
      'intake-store-v3',
      `WITH app AS (
         INSERT INTO applications (tracking_number, type_code, topic_id, subject, body, channel, language,
           citizen_name, citizen_phone, citizen_email, province_code, district_code, latitude, longitude,
           confidential, idempotency_key, request_fingerprint, filed_by_staff_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, created_at
       ), history AS (
         INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, to_status, data)
         SELECT id, created_at, 'received', $19, $20, 'received', $21::jsonb FROM app
       ), files AS (
         INSERT INTO application_attachments (id, application_id, position, original_name, media_type, size_bytes, sha256, created_at)
         SELECT f.id, app.id, f.position, f.name, f.type, f.size, f.sha256, app.created_at
         FROM app, jsonb_to_recordset($23::jsonb) AS f(id uuid, position smallint, name text, type text, size integer, sha256 text)
       ), event AS (${OutboxWriter.insertFromCte('app', '$22')})
       SELECT id, created_at FROM app`,
      [
        trackingNumber, a.type, a.topicId, a.subject, a.body, a.channel, a.language,
        a.citizenName, a.citizenPhone, a.citizenEmail, a.provinceCode, a.districtCode, a.latitude, a.longitude,
        a.confidential, idempotencyKey, fingerprint, filedByStaffId,
        input.submittedBy.type, input.submittedBy.id ?? null, JSON.stringify({ channel: a.channel }),
        OutboxTopic.ApplicationReceived,
        JSON.stringify(attachments.map((f, position) => ({ id: f.id, position, name: f.name, type: f.mediaType, size: f.size, sha256: f.sha256 }))),
      ],
    );
    if (inserted.length === 0) return this.replay(idempotencyKey!, fingerprint!);
    const { id, created_at: submittedAt } = inserted[0];
    return {
      applicationId: id,
      trackingNumber,
      accessCode: this.accessCodes.issue(trackingNumber),
      status: 'received',
      submittedAt,
      replayed: false,
    };
  }

  /** A retried submission gets the first answer again; a different submission under the same key is refused. */
  private async replay(idempotencyKey: string, fingerprint: string): Promise<Receipt> {
    const rows: { id: string; tracking_number: string; request_fingerprint: string; status: string; created_at: Date }[] =
      await this.dataSource.query(
        'SELECT id, tracking_number, request_fingerprint, status, created_at FROM applications WHERE idempotency_key = $1',
        [idempotencyKey],
      );
    const first = rows[0];
    if (first.request_fingerprint !== fingerprint) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different submission');
    }
    return {
      applicationId: first.id,
      trackingNumber: first.tracking_number,
      accessCode: this.accessCodes.issue(first.tracking_number),
      status: first.status,
      submittedAt: first.created_at,
      replayed: true,
    };
  }

  /** Checks the application against the catalogue and the regions, and normalises contact details. */
  private async prepare(input: NewApplication): Promise<PreparedApplication> {
    const problems: FieldProblem[] = [];
    const body = input.body.trim();
    if (!body) problems.push({ field: 'body', code: 'required', message: 'body must describe the matter; it is empty' });

    let topicId: string | null = null;
    if (input.topicCode) {
      const topic = await this.catalogue.topicByCode(input.topicCode);
      if (!topic || !topic.active) problems.push({ field: 'topic', code: 'unknown', message: `unknown topic "${input.topicCode}"` });
      else topicId = topic.id;
    }

    if (!supportedLanguages(this.env).includes(input.language)) {
      problems.push({ field: 'language', code: 'unsupported', message: `language must be one of ${this.env.SUPPORTED_LANGUAGES}` });
    }

    let phone: string | null = null;
    if (input.citizen?.phone) {
      phone = toE164(input.citizen.phone, this.env.DEFAULT_COUNTRY);
      if (!phone) problems.push({ field: 'citizen.phone', code: 'invalid', message: 'phone is not a valid phone number' });
    }

    const provinceCode = input.location?.provinceCode ?? null;
    const districtCode = input.location?.districtCode ?? null;
    if (provinceCode) {
      const province = await this.directory.region(provinceCode);
      if (!province || province.kind !== 'province') {
        problems.push({ field: 'location.provinceCode', code: 'unknown', message: `unknown province "${provinceCode}"` });
      }
    }
    if (districtCode) {
      const district = await this.directory.region(districtCode);
      if (!district || district.kind !== 'district') {
        problems.push({ field: 'location.districtCode', code: 'unknown', message: `unknown district "${districtCode}"` });
      } else if (provinceCode && district.parentCode !== provinceCode) {
        problems.push({ field: 'location.districtCode', code: 'mismatch', message: `district "${districtCode}" is not in province "${provinceCode}"` });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);

    // A district implies its province, so routing rules by province still match.
    const impliedProvince = provinceCode ?? (districtCode ? (await this.directory.region(districtCode))?.parentCode ?? null : null);
    const subject = (input.subject ?? '').trim() || deriveSubject(body);
    return {
      type: input.type,
      topicId,
      subject,
      body,
      channel: input.channel,
      language: input.language,
      citizenName: input.citizen?.name?.trim() || null,
      citizenPhone: phone,
      citizenEmail: input.citizen?.email?.trim().toLowerCase() || null,
      provinceCode: impliedProvince,
      districtCode,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      confidential: input.confidential ?? false,
    };
  }
}

function deriveSubject(body: string): string {
  const firstLine = body.split(/\r?\n/)[0].replace(/\s+/g, ' ');
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 79).trimEnd()}…`;
}

/**
 * A call-center agent's key is theirs alone: another agent reusing it must not be handed this application's access code.
 * Attached files count by content (their ids are new on every try), and only when there are some, so earlier keys still match.
 */
function fingerprintOf(a: PreparedApplication, filedByStaffId: string | null, attachments: AttachmentRecord[]): string {
  const files = attachments.length ? { attachments: attachments.map((f) => f.sha256) } : {};
  return createHash('sha256').update(JSON.stringify({ ...a, ...(filedByStaffId ? { filedByStaffId } : {}), ...files })).digest('hex');
}

