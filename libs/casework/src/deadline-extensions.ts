import { Injectable } from '@nestjs/common';
import type { ClockKind } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import { ApplicationChanges } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CitizenNotices } from './citizen-notices';
import type { DispositionOutcome } from './disposition-outcome';
import { requiredText } from './required-text';

export const EXTENSION_REASON_MAX = 2000;

export interface DeadlineOutcome extends DispositionOutcome {
  /** The new deadline. */
  deadline: Date;
}

/**
 * Staff extending a deadline once, as its policy allows, with a reason the citizen is told. Law 4982 Art. 11
 * lets the agency take 15 more working days only if the applicant learns it, with the reason, before the
 * original deadline: telling them in the same transaction as the extension is what makes it "before".
 */
@Injectable()
export class DeadlineExtensions {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
    private readonly notices: CitizenNotices,
  ) {}

  extend(staff: StaffPrincipal, applicationId: string, version: number, kind: ClockKind, reason: string): Promise<DeadlineOutcome> {
    const why = requiredText('reason', reason, EXTENSION_REASON_MAX);
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      const clock = await this.deadlines.extend(ctx, kind, why);
      if (clock.terms.notifyCitizenOnExtension || clock.terms.requiresNoticeBeforeDeadline) {
        await this.notices.send(ctx, {
          template: 'deadline_extended',
          kind: 'deadline_notice',
          body: why,
          authorStaffId: staff.userId,
          params: { deadline: new Date(clock.deadlineAt).toISOString(), clockKind: kind },
        });
      }
      return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version, deadline: clock.deadlineAt };
    });
  }

  /** The application also asks for information: Law 4982's deadline starts beside the others. */
  startInformation(staff: StaffPrincipal, applicationId: string, version: number): Promise<DeadlineOutcome> {
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      const clock = await this.deadlines.startInformationClock(ctx);
      return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version, deadline: clock.deadlineAt };
    });
  }
}
