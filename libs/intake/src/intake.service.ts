import { createHash } from 'node:crypto';
import { isEmail } from 'class-validator';
import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService, RegionBoundaries } from '@petitio/directory';
import { ConflictError, ENVIRONMENT, Environment, FieldProblem, InvalidInputError, isUniqueViolation, supportedLanguages } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { AccessCodes } from './access-code';
import type { AttachmentRecord } from './attachments/attachment-record';
import { IntakeStore, PreparedApplication } from './intake-store';
import { CITIZEN_NAME_MAX, NewApplication, Receipt, SUBJECT_MAX } from './new-application';
import { toE164 } from '@petitio/applications';
import { generateTrackingNumber } from '@petitio/applications';

const TRACKING_NUMBER_ATTEMPTS = 5;

/**
 * Accepts applications from every channel. An application is acknowledged only after
 * it, its first history line and its `application.received` event are committed together (IntakeStore).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: IntakeStore,
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly boundaries: RegionBoundaries,
    private readonly accessCodes: AccessCodes,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async submit(input: NewApplication, idempotencyKey?: string): Promise<Receipt> {
    const application = await this.prepare(input);
    const filedByStaffId = input.submittedBy.type === 'staff' ? (input.submittedBy.id ?? null) : null;
    const attachments = input.attachments ?? [];
    // The place as the citizen gave it: a district found from a point changes with the boundaries, a retry does not.
    const givenPlace = input.location?.districtCode ? {} : { provinceCode: input.location?.provinceCode ?? null, districtCode: null };
    const fingerprint = idempotencyKey ? fingerprintOf({ ...application, ...givenPlace }, filedByStaffId, attachments) : null;
    for (let attempt = 1; ; attempt++) {
      const trackingNumber = generateTrackingNumber();
      try {
        const stored = await this.store.store({
          application,
          trackingNumber,
          submittedBy: input.submittedBy,
          filedByStaffId,
          attachments,
          idempotencyKey: idempotencyKey ?? null,
          fingerprint,
        });
        // Nothing written: the Idempotency-Key was taken first.
        if (!stored) return this.replay(idempotencyKey!, fingerprint!);
        return {
          applicationId: stored.id,
          trackingNumber,
          accessCode: this.accessCodes.issue(trackingNumber),
          status: 'received',
          submittedAt: stored.createdAt,
          replayed: false,
        };
      } catch (error) {
        // 10^10 numbers make a clash rare; when one happens, draw again.
        if (attempt < TRACKING_NUMBER_ATTEMPTS && isUniqueViolation(error, 'applications_tracking_number_key')) continue;
        throw error;
      }
    }
  }

  /** A retried submission gets the first answer again; a different submission under the same key is refused. */
  private async replay(idempotencyKey: string, fingerprint: string): Promise<Receipt> {
    const rows: { id: string; tracking_number: string; request_fingerprint: string; status: string; created_at: Date }[] = await this.dataSource.query(
      'SELECT id, tracking_number, request_fingerprint, status, created_at FROM applications WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    const first = rows[0];
    if (first.request_fingerprint !== fingerprint) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED');
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

  /**
   * Where the citizen gave a point but no district, the district whose boundary holds it (when boundaries are loaded),
   * so routing rules by district and province apply; a district outside the province the citizen chose is not used.
   */
  private async districtOfPoint(latitude: number | null, longitude: number | null, provinceCode: string | null): Promise<string | null> {
    if (latitude === null || longitude === null) return null;
    const code = await this.boundaries.districtAt(latitude, longitude);
    if (!code || !provinceCode) return code;
    return (await this.directory.region(code))?.parentCode === provinceCode ? code : null;
  }

  /** Checks the application against the catalogue and the regions, and normalises contact details. */
  private async prepare(input: NewApplication): Promise<PreparedApplication> {
    const problems: FieldProblem[] = [];
    const body = input.body.trim();
    if (!body) problems.push({ field: 'body', code: 'required' });
    // The JSON API's DTOs check these too; channels without DTOs (Open311, SMS) are held to the same limits here.
    if ((input.subject?.trim().length ?? 0) > SUBJECT_MAX) problems.push({ field: 'subject', code: 'maxLength', args: { max: SUBJECT_MAX } });
    if ((input.citizen?.name?.trim().length ?? 0) > CITIZEN_NAME_MAX)
      problems.push({ field: 'citizen.name', code: 'maxLength', args: { max: CITIZEN_NAME_MAX } });
    const email = input.citizen?.email?.trim();
    if (email && (email.length > 254 || !isEmail(email))) problems.push({ field: 'citizen.email', code: 'isEmail' });

    let topicId: string | null = null;
    if (input.topicCode) {
      const topic = await this.catalogue.topicByCode(input.topicCode);
      if (!topic || !topic.active) problems.push({ field: 'topic', code: 'unknown' });
      else topicId = topic.id;
    }

    if (!supportedLanguages(this.env).includes(input.language)) {
      problems.push({ field: 'language', code: 'unsupported', args: { allowed: this.env.SUPPORTED_LANGUAGES } });
    }

    let phone: string | null = null;
    if (input.citizen?.phone) {
      phone = toE164(input.citizen.phone, this.env.DEFAULT_COUNTRY);
      if (!phone) problems.push({ field: 'citizen.phone', code: 'invalid' });
    }

    const provinceCode = input.location?.provinceCode ?? null;
    const latitude = input.location?.latitude ?? null;
    const longitude = input.location?.longitude ?? null;
    problems.push(...pointProblems(latitude, longitude));
    if (provinceCode) {
      const province = await this.directory.region(provinceCode);
      if (!province || province.kind !== 'province') {
        problems.push({ field: 'location.provinceCode', code: 'unknown' });
      }
    }
    const givenDistrict = input.location?.districtCode ?? null;
    if (givenDistrict) {
      const district = await this.directory.region(givenDistrict);
      if (!district || district.kind !== 'district') {
        problems.push({ field: 'location.districtCode', code: 'unknown' });
      } else if (provinceCode && district.parentCode !== provinceCode) {
        problems.push({ field: 'location.districtCode', code: 'mismatch' });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);

    const districtCode = givenDistrict ?? (await this.districtOfPoint(latitude, longitude, provinceCode));
    // A district implies its province, so routing rules by province still match.
    const impliedProvince = provinceCode ?? (districtCode ? ((await this.directory.region(districtCode))?.parentCode ?? null) : null);
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
      latitude,
      longitude,
      confidential: input.confidential ?? false,
    };
  }
}

/** A point is a pair: half of one places nothing. */
function pointProblems(latitude: number | null, longitude: number | null): FieldProblem[] {
  if ((latitude === null) === (longitude === null)) return [];
  return [{ field: latitude === null ? 'location.latitude' : 'location.longitude', code: 'required' }];
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
  return createHash('sha256')
    .update(JSON.stringify({ ...a, ...(filedByStaffId ? { filedByStaffId } : {}), ...files }))
    .digest('hex');
}
