import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Batcher, ENVIRONMENT, Environment, Metrics, OutboxTopic, OutboxWriter, PreparedQuery, isDatabaseUnavailable } from '@petitio/platform';
import { Gauge } from 'prom-client';
import type { Actor } from '@petitio/applications';
import { IdentityVault, PhoneHash } from '@petitio/privacy';
import type { AttachmentRecord } from './attachments/attachment-record';
import { redactedTexts } from './redacted-texts';

/** An application checked and normalised by intake, ready to be written. */
export interface PreparedApplication {
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

export interface Submission {
  application: PreparedApplication;
  trackingNumber: string;
  submittedBy: Actor;
  filedByStaffId: string | null;
  attachments: AttachmentRecord[];
  idempotencyKey: string | null;
  fingerprint: string | null;
}

/** The stored row; `null` when the Idempotency-Key was already taken and nothing was written. */
export type StoredApplication = { id: string; createdAt: Date } | null;

/** Most submissions in one statement: bounds the statement's size and the wait of the first one in it. */
const MOST_PER_STATEMENT = 64;

/**
 * Writes applications, each with its sealed identity (the vault's row and the keyed phone hash), its text redacted for
 * staff (the original sealed beside it when redaction changed it), its first history
 * line, its attachments' rows and its outbox event, in one statement:
 * atomic without an explicit transaction. Submissions that arrive while `INTAKE_WRITERS` statements are running are
 * written together by the next one, so a busy api pays one round trip, one plan and one commit for many applications
 * (PostgreSQL then stores four to five times the rows per second it stores one by one). A submission is answered only
 * once its statement has committed. If a statement fails, each of its submissions is written again alone, so one bad
 * submission (a tracking number drawn twice) fails only itself; not when the connection was lost, as the statement may
 * have committed. Applications written together share `created_at` (the transaction's time); lists order by
 * `(created_at, id)`.
 */
@Injectable()
export class IntakeStore {
  private readonly logger = new Logger(IntakeStore.name);
  private readonly batcher: Batcher<Submission, StoredApplication>;

  constructor(
    private readonly prepared: PreparedQuery,
    private readonly vault: IdentityVault,
    private readonly phoneHash: PhoneHash,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    // The CLI (demo seed) has no metrics.
    @Optional() metrics?: Metrics,
  ) {
    // The pool also serves staff, status lookups and the checks before a submission.
    const writers = Math.max(1, Math.min(env.INTAKE_WRITERS, env.DATABASE_POOL_SIZE - 1));
    this.batcher = new Batcher(
      {
        maxSize: MOST_PER_STATEMENT,
        maxRunning: writers,
        // Twice what the running statements hold: past that, PostgreSQL is not keeping up and callers get a 503 at once.
        maxWaiting: 2 * MOST_PER_STATEMENT * writers,
        // A connection lost mid-statement may have committed it: writing each submission again could store it twice.
        retryAlone: (error) => !isDatabaseUnavailable(error),
        onBatch: (size) => metrics?.intakeBatchSize.observe(size),
        onBatchFailed: (error, size) =>
          this.logger.warn({
            msg: 'intake statement failed; storing its applications one by one',
            size,
            err: error instanceof Error ? error.message : String(error),
          }),
      },
      (submissions) => this.storeMany(submissions),
    );
    const batcher = this.batcher;
    if (metrics) {
      new Gauge({
        name: 'petitio_intake_waiting',
        help: 'Submissions checked and waiting for an intake statement; at twice what the running statements hold, new ones get a 503',
        registers: [metrics.registry],
        collect() {
          this.set(batcher.waitingCount);
        },
      });
    }
  }

  store(submission: Submission): Promise<StoredApplication> {
    return this.batcher.run(submission);
  }

  private async storeMany(submissions: Submission[]): Promise<Map<Submission, StoredApplication>> {
    const column = <T>(pick: (s: Submission) => T) => submissions.map(pick);
    const files = submissions.flatMap((s) =>
      s.attachments.map((f, position) => ({ tn: s.trackingNumber, id: f.id, position, name: f.name, type: f.mediaType, size: f.size, sha256: f.sha256 })),
    );
    const identities = await Promise.all(
      submissions.map(({ application: a, trackingNumber }) =>
        this.vault.seal({ name: a.citizenName, phone: a.citizenPhone, email: a.citizenEmail }, trackingNumber),
      ),
    );
    const texts = submissions.map(({ application: a }) => redactedTexts(a, this.env.DEFAULT_COUNTRY));
    const originals = await Promise.all(
      texts.map((t, i) => (t.original ? this.vault.sealOriginal(t.original, submissions[i].trackingNumber) : Promise.resolve(null))),
    );
    const rows = await this.prepared.rows<{ id: string; created_at: Date; tracking_number: string }>(
      'intake-store-v7',
      `WITH given AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::bytea[], $9::uuid[], $10::bytea[], $11::text[], $12::text[], $13::float8[], $14::float8[],
           $15::boolean[], $16::text[], $17::text[], $18::uuid[], $19::text[], $20::text[], $23::uuid[], $24::bytea[])
           WITH ORDINALITY AS g(tracking_number, type_code, topic_id, subject, body, channel, language,
             citizen_phone_hash, data_key_id, sealed_identity, province_code, district_code, latitude, longitude,
             confidential, idempotency_key, request_fingerprint, filed_by_staff_id, actor_type, actor_id,
             original_key_id, sealed_original, n)
       ), app AS (
         INSERT INTO applications (tracking_number, type_code, topic_id, subject, body, channel, language,
           citizen_phone_hash, province_code, district_code, latitude, longitude,
           confidential, idempotency_key, request_fingerprint, filed_by_staff_id)
         SELECT tracking_number, type_code, topic_id, subject, body, channel, language,
           citizen_phone_hash, province_code, district_code, latitude, longitude,
           confidential, idempotency_key, request_fingerprint, filed_by_staff_id
         -- Keys in one order for every statement, so two sharing keys cannot deadlock; the earliest of twins wins.
         FROM given ORDER BY idempotency_key NULLS LAST, n
         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, created_at, tracking_number, channel
       ), history AS (
         INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, to_status, data)
         SELECT app.id, app.created_at, 'received', given.actor_type, given.actor_id, 'received', jsonb_build_object('channel', app.channel)
         FROM app JOIN given USING (tracking_number) ORDER BY given.n
       ), identity AS (
         INSERT INTO citizen_identities (application_id, data_key_id, sealed)
         SELECT app.id, given.data_key_id, given.sealed_identity
         FROM app JOIN given USING (tracking_number) WHERE given.sealed_identity IS NOT NULL
       ), original AS (
         INSERT INTO application_originals (application_id, data_key_id, sealed)
         SELECT app.id, given.original_key_id, given.sealed_original
         FROM app JOIN given USING (tracking_number) WHERE given.sealed_original IS NOT NULL
       ), files AS (
         INSERT INTO application_attachments (id, application_id, position, original_name, media_type, size_bytes, sha256, created_at)
         SELECT f.id, app.id, f.position, f.name, f.type, f.size, f.sha256, app.created_at
         FROM app JOIN jsonb_to_recordset($22::jsonb) AS f(tn text, id uuid, position smallint, name text, type text, size integer, sha256 text)
           ON f.tn = app.tracking_number
       ), event AS (${OutboxWriter.insertFromCte('app', '$21')})
       SELECT id, created_at, tracking_number FROM app`,
      [
        column((s) => s.trackingNumber),
        column((s) => s.application.type),
        column((s) => s.application.topicId),
        texts.map((t) => t.subject),
        texts.map((t) => t.body),
        column((s) => s.application.channel),
        column((s) => s.application.language),
        column((s) => (s.application.citizenPhone ? this.phoneHash.of(s.application.citizenPhone) : null)),
        identities.map((sealed) => sealed?.dataKeyId ?? null),
        identities.map((sealed) => sealed?.sealed ?? null),
        column((s) => s.application.provinceCode),
        column((s) => s.application.districtCode),
        column((s) => s.application.latitude),
        column((s) => s.application.longitude),
        column((s) => s.application.confidential),
        column((s) => s.idempotencyKey),
        column((s) => s.fingerprint),
        column((s) => s.filedByStaffId),
        column((s) => s.submittedBy.type),
        column((s) => s.submittedBy.id ?? null),
        OutboxTopic.ApplicationReceived,
        JSON.stringify(files),
        originals.map((sealed) => sealed?.dataKeyId ?? null),
        originals.map((sealed) => sealed?.sealed ?? null),
      ],
    );
    const byTrackingNumber = new Map(rows.map((r) => [r.tracking_number, { id: r.id, createdAt: r.created_at }]));
    const stored = new Map<Submission, StoredApplication>();
    for (const s of submissions) {
      const row = byTrackingNumber.get(s.trackingNumber);
      // Not written and no key to explain it: left without a result, so the batcher fails that caller.
      if (row) stored.set(s, row);
      else if (s.idempotencyKey) stored.set(s, null);
    }
    return stored;
  }
}
