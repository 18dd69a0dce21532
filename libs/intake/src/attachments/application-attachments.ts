import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENVIRONMENT, Environment, FieldProblem, InvalidInputError, NotFoundError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '@petitio/applications';
import { IntakeService } from '../intake.service';
import { NewApplication, Receipt } from '../new-application';
import { AttachmentMediaType, sniffMediaType } from './attachment-media-type';
import type { AttachmentRecord } from './attachment-record';
import { sanitiseFileName } from './attachment-name';
import { ATTACHMENT_STORE, AttachmentStore } from './attachment-store';
import { stripImageMetadata } from './image-metadata';
import { UnreadableImageError } from './unreadable-image';

/** A file as it arrived: `truncated` when it was cut at ATTACHMENTS_MAX_BYTES (the rest was never kept). */
export interface IncomingAttachment {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
}

/** What staff see of an attachment in lists, in the order the citizen chose the files. */
export interface AttachmentLine {
  id: string;
  name: string;
  type: AttachmentMediaType;
  size: number;
  createdAt: Date;
}

/** The field every attachment problem is reported on: the form's file input. */
export const ATTACHMENTS_FIELD = 'attachments';

const LINE_COLUMNS = `id, original_name AS name, media_type AS type, size_bytes AS size, created_at AS "createdAt"`;

/**
 * Citizens' attachments: checked by content, stored under random ids, recorded by intake in the same
 * statement as the application, and handed to staff who may see the application.
 */
@Injectable()
export class ApplicationAttachments {
  private readonly logger = new Logger(ApplicationAttachments.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly intake: IntakeService,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  get limits(): { maxFiles: number; maxBytes: number } {
    return { maxFiles: this.env.ATTACHMENTS_MAX_FILES, maxBytes: this.env.ATTACHMENTS_MAX_BYTES };
  }

  /** Every file's problem at once, or the records to store; nothing is written here. */
  check(files: IncomingAttachment[]): AttachmentRecord[] {
    return this.prepare(files).map((file) => file.record);
  }

  /** check(), with the bytes to store: the records' size and sha256 are those of the photo without its metadata. */
  private prepare(files: IncomingAttachment[]): { record: AttachmentRecord; bytes: Buffer }[] {
    const { maxFiles, maxBytes } = this.limits;
    const problems: FieldProblem[] = [];
    if (files.length > maxFiles) {
      problems.push({ field: ATTACHMENTS_FIELD, code: 'too_many', sentence: 'too_many_files', args: { max: maxFiles } });
    }
    const prepared: { record: AttachmentRecord; bytes: Buffer }[] = [];
    for (const file of files) {
      const name = sanitiseFileName(file.fileName);
      const mediaType = sniffMediaType(file.bytes);
      if (file.truncated || file.bytes.length > maxBytes) {
        problems.push({ field: ATTACHMENTS_FIELD, code: 'too_large', sentence: 'file_too_large', args: { name, max: maxBytes } });
      } else if (file.bytes.length === 0) {
        problems.push({ field: ATTACHMENTS_FIELD, code: 'empty', sentence: 'file_empty', args: { name } });
      } else if (!mediaType) {
        problems.push({ field: ATTACHMENTS_FIELD, code: 'type', sentence: 'file_type', args: { name } });
      } else {
        const bytes = withoutMetadata(mediaType, file.bytes);
        if (!bytes) {
          problems.push({ field: ATTACHMENTS_FIELD, code: 'type', sentence: 'file_type', args: { name } });
          continue;
        }
        const record = { id: randomUUID(), name, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
        prepared.push({ record, bytes });
      }
    }
    if (problems.length) throw new InvalidInputError(problems);
    return prepared;
  }

  /**
   * Submits an application with its files. The files are written first and their rows go in intake's single
   * statement with the application, so a row never points at a missing file. When intake fails, or an
   * Idempotency-Key replays an earlier submission (whose files are already stored), the new files are removed.
   * A crash between the write and the commit can leave a file without a row: harmless, never served.
   */
  async submit(input: NewApplication, idempotencyKey: string | undefined, files: IncomingAttachment[]): Promise<Receipt> {
    const prepared = this.prepare(files);
    if (prepared.length === 0) return this.intake.submit(input, idempotencyKey);
    const written: string[] = [];
    let receipt: Receipt;
    try {
      for (const { record, bytes } of prepared) {
        await this.store.put(record.id, bytes);
        written.push(record.id);
      }
      receipt = await this.intake.submit({ ...input, attachments: prepared.map((file) => file.record) }, idempotencyKey);
    } catch (error) {
      await this.discard(written);
      throw error;
    }
    if (receipt.replayed) await this.discard(written);
    return receipt;
  }

  /** The attachments of an application in the principal's reach; APPLICATION_NOT_FOUND otherwise. */
  async listForStaff(principal: StaffPrincipal, applicationId: string): Promise<AttachmentLine[]> {
    await this.access.assertVisible(principal, applicationId);
    return this.linesOf(applicationId);
  }

  /** One attachment's bytes, for staff who may see the application; the same 404 for anything else. */
  async openForStaff(principal: StaffPrincipal, applicationId: string, attachmentId: string): Promise<{ attachment: AttachmentLine; content: Readable }> {
    await this.access.assertVisible(principal, applicationId);
    const [attachment]: AttachmentLine[] = await this.dataSource.query(
      `SELECT ${LINE_COLUMNS}
       FROM application_attachments WHERE application_id = $1 AND id = $2::uuid`,
      [applicationId, attachmentId],
    );
    if (!attachment) throw new NotFoundError('ATTACHMENT_NOT_FOUND');
    return { attachment, content: await this.store.open(attachment.id) };
  }

  /** The list without an access check: callers have checked already (the application detail). */
  async linesOf(applicationId: string): Promise<AttachmentLine[]> {
    return this.dataSource.query(
      `SELECT ${LINE_COLUMNS}
       FROM application_attachments WHERE application_id = $1 ORDER BY position`,
      [applicationId],
    );
  }

  private async discard(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.store.remove(id).catch((error: Error) => this.logger.warn({ msg: 'attachment file not removed', attachmentId: id, err: error.message }));
    }
  }
}

/** The bytes to store, or null for an image whose metadata could not be found: refused like a file of no accepted type. */
function withoutMetadata(type: AttachmentMediaType, bytes: Buffer): Buffer | null {
  try {
    return stripImageMetadata(type, bytes);
  } catch (error) {
    if (error instanceof UnreadableImageError) return null;
    throw error;
  }
}
