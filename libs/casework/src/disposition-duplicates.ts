import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, ENVIRONMENT, Environment, InvalidInputError, isUuid } from '@petitio/platform';
import { redactPersonalData } from '@petitio/privacy';
import type { CountryCode } from 'libphonenumber-js';
import type { StaffPrincipal } from '@petitio/staff';
import { EntityManager } from 'typeorm';
import { formatTrackingNumber } from '@petitio/applications';
import { ApplicationChanges, ChangeContext, LockedApplication } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CitizenNotices } from './citizen-notices';
import type { DispositionOutcome } from './disposition-outcome';

export interface DuplicateOutcome extends DispositionOutcome {
  duplicateOfId: string;
}

/** The answer a merged application receives: the words sent on the original. */
export interface AnswerToShare {
  body: string;
  authorStaffId?: string | null;
}

/**
 * Merges an application into another that asks the same thing: the duplicate closes, and when
 * the original is answered every citizen merged into it receives the answer too.
 */
@Injectable()
export class DuplicateMerges {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly notices: CitizenNotices,
    private readonly deadlines: ApplicationDeadlines,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  merge(staff: StaffPrincipal, applicationId: string, version: number, originalId: string): Promise<DuplicateOutcome> {
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      if (ctx.app.duplicateOfId) throw new ConflictError('ALREADY_DUPLICATE');
      if (originalId === ctx.app.id) {
        throw new InvalidInputError([{ field: 'originalId', code: 'same_application' }]);
      }
      const original = await this.lockOriginal(ctx.manager, staff, originalId);
      if (!original) {
        throw new InvalidInputError([{ field: 'originalId', code: 'not_found' }]);
      }
      if (original.duplicateOfId) {
        throw new InvalidInputError([{ field: 'originalId', code: 'is_duplicate', args: { id: original.duplicateOfId } }]);
      }
      if (original.status === 'closed' || original.status === 'rejected') {
        throw new InvalidInputError([{ field: 'originalId', code: 'not_open' }]);
      }

      await this.changes.record(ctx, {
        kind: 'merged_as_duplicate',
        toStatus: 'closed',
        data: { originalId: original.id, originalTrackingNumber: formatTrackingNumber(original.trackingNumber) },
      });
      await this.changes.setColumns(ctx, { duplicate_of_id: original.id, closed_at: ctx.now });
      ctx.app.duplicateOfId = original.id;
      ctx.app.closedAt = ctx.now;
      // Closed as a duplicate, it is owed nothing of its own: its answer comes from the original.
      await this.deadlines.onConcluded(ctx, 'merged_as_duplicate');

      const originalCtx: ChangeContext = { ...ctx, app: original };
      await this.changes.record(originalCtx, {
        kind: 'duplicate_merged',
        data: { duplicateId: ctx.app.id, duplicateTrackingNumber: formatTrackingNumber(ctx.app.trackingNumber) },
      });
      // Merged after the original was answered: this citizen gets that answer now rather than never.
      if (original.answeredAt) {
        const answer = await latestAnswer(ctx.manager, original.id);
        await this.shareAnswer(ctx, original, answer);
        await this.notifyDuplicatesOfAnswer(ctx, answer);
      }
      return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version, duplicateOfId: original.id };
    });
  }

  /**
   * Called by the answer action, inside its change of the original: every application merged into
   * it (and into those, transitively) receives the same answer on its citizen's channel. Without
   * `answer`, the latest answer message written on the original is shared. Returns how many were told.
   */
  async notifyDuplicatesOfAnswer(ctx: ChangeContext, answer?: AnswerToShare): Promise<number> {
    const duplicates = await this.changes.lock(
      ctx.manager,
      { system: true },
      `a.id IN (WITH RECURSIVE merged AS (
         SELECT id FROM applications WHERE duplicate_of_id = $1
         UNION SELECT d.id FROM applications d JOIN merged m ON d.duplicate_of_id = m.id
       ) SELECT id FROM merged)`,
      [ctx.app.id],
    );
    if (duplicates.length === 0) return 0;
    const shared = answer ?? (await latestAnswer(ctx.manager, ctx.app.id));
    for (const duplicate of duplicates) await this.shareAnswer({ ...ctx, app: duplicate }, ctx.app, shared);
    return duplicates.length;
  }

  private async shareAnswer(duplicateCtx: ChangeContext, original: LockedApplication, answer: AnswerToShare | undefined): Promise<void> {
    const originalTrackingNumber = formatTrackingNumber(original.trackingNumber);
    await this.changes.record(duplicateCtx, { kind: 'answered', data: { viaOriginalId: original.id, originalTrackingNumber } });
    // The appeal window of a merged application runs from the answer it received.
    await this.changes.setColumns(duplicateCtx, { answered_at: duplicateCtx.now });
    duplicateCtx.app.answeredAt = duplicateCtx.now;
    await this.notices.send(duplicateCtx, {
      template: 'application_answered',
      kind: 'answer',
      body: answer?.body === undefined ? undefined : withoutIdentityOf(original, answer.body, duplicateCtx.app, this.env.DEFAULT_COUNTRY),
      authorStaffId: answer?.authorStaffId ?? null,
      params: { originalTrackingNumber },
    });
  }

  private async lockOriginal(manager: EntityManager, staff: StaffPrincipal, originalId: string): Promise<LockedApplication | undefined> {
    if (!isUuid(originalId)) return undefined;
    return (await this.changes.lock(manager, { staff }, 'a.id = $1', [originalId]))[0];
  }
}

async function latestAnswer(manager: EntityManager, applicationId: string): Promise<AnswerToShare | undefined> {
  const rows: { body: string; author_staff_id: string | null }[] = await manager.query(
    `SELECT body, author_staff_id FROM application_messages
     WHERE application_id = $1 AND direction = 'to_citizen' AND kind = 'answer' ORDER BY created_at DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0] ? { body: rows[0].body, authorStaffId: rows[0].author_staff_id } : undefined;
}

/**
 * The answer was written to the original citizen and may name them (a canned {{citizenName}} or the
 * officer's own "Dear Ayşe Yılmaz"): the other citizens merged into it must never see who that was. Any other
 * identifier in it (the original's phone as the officer typed it, an ID number, an IBAN) is redacted as well.
 */
export function withoutIdentityOf(original: LockedApplication, body: string, recipient: LockedApplication, defaultCountry: string): string {
  let shared = body;
  if (original.citizenName) shared = shared.split(original.citizenName).join(recipient.citizenName ?? '');
  for (const contact of [original.citizenEmail, original.citizenPhone]) if (contact) shared = shared.split(contact).join('');
  return redactPersonalData(shared, { defaultCountry: defaultCountry as CountryCode }).text;
}
