import { Injectable } from '@nestjs/common';
import { localise } from '@petitio/directory';
import type { StaffPrincipal } from '@petitio/staff';
import { ApplicationChanges } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CitizenNotices } from './citizen-notices';
import { ReasonCodes } from './reason-codes';
import type { DispositionOutcome } from './disposition-outcome';

export interface RejectionRequest {
  reasonCode: string;
  /** The explanation the citizen reads, in the staff member's words. */
  text: string;
}

/**
 * Decides not to process an application. Only on a ground from the configured list: the law
 * says when an application may go unprocessed, and the citizen is told which ground applied.
 */
@Injectable()
export class ApplicationRejections {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly reasons: ReasonCodes,
    private readonly notices: CitizenNotices,
    private readonly deadlines: ApplicationDeadlines,
  ) {}

  reject(staff: StaffPrincipal, applicationId: string, version: number, request: RejectionRequest): Promise<DispositionOutcome> {
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      const reason = await this.reasons.require('rejection', request.reasonCode, 'reasonCode', ctx.manager);
      await this.changes.record(ctx, {
        kind: 'rejected',
        toStatus: 'rejected',
        data: { reasonCode: reason.code, legalBasis: reason.legalBasis },
      });
      await this.deadlines.onConcluded(ctx);
      await this.notices.send(ctx, {
        template: 'application_rejected',
        kind: 'rejection',
        body: request.text,
        authorStaffId: staff.userId,
        params: { reason: localise(reason.names, ctx.app.language), legalBasis: reason.legalBasis },
      });
      return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version };
    });
  }
}
