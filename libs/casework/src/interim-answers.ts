import { Injectable } from '@nestjs/common';
import { ConflictError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { INTERIM_ANSWER_KIND } from '@petitio/applications';
import type { ApplicationStatus } from '@petitio/applications';
import { ApplicationChanges } from './application-changes';
import { CaseState, caseState } from './case-state';
import { CitizenNotices } from './citizen-notices';
import { requiredText } from './required-text';

export const INTERIM_ANSWER_MAX = 5000;
/** Open and in an agency's hands: only then has the agency progress of its own to report. */
const AT_AN_AGENCY: readonly ApplicationStatus[] = ['routed', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'];

export function canTakeInterimAnswer(status: ApplicationStatus, agencyId: string | null): boolean {
  return AT_AN_AGENCY.includes(status) && agencyId !== null;
}

/**
 * A progress update to the citizen ("we have asked the district office; expect an answer next week"). Under
 * petition law it is a legal state of its own that settles nothing: the status stays, and every deadline runs on.
 */
@Injectable()
export class InterimAnswers {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly notices: CitizenNotices,
  ) {}

  send(principal: StaffPrincipal, applicationId: string, version: number, text: string): Promise<CaseState> {
    const body = requiredText('text', text, INTERIM_ANSWER_MAX);
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      if (!canTakeInterimAnswer(ctx.app.status, ctx.app.assignedAgencyId)) {
        throw new ConflictError('INTERIM_ANSWER_NOT_ALLOWED', { args: { status: ctx.app.status } });
      }
      await this.changes.record(ctx, { kind: INTERIM_ANSWER_KIND });
      await this.notices.send(ctx, { template: 'interim_answer', kind: 'interim_answer', body, authorStaffId: principal.userId });
      return caseState(ctx);
    });
  }
}
