import { Injectable } from '@nestjs/common';
import { IllegalTransitionError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { ApplicationStatus } from '@petitio/applications';
import { ApplicationChanges } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import type { DispositionOutcome } from './disposition-outcome';

/** Only an answer is closed by hand; open applications close only by being merged as a duplicate. */
export function canBeClosed(status: ApplicationStatus): boolean {
  return status === 'answered';
}

/** Closes an answered application: the file is done, though the citizen may still rate or appeal it. */
@Injectable()
export class ApplicationClosing {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
  ) {}

  close(staff: StaffPrincipal, applicationId: string, version: number): Promise<DispositionOutcome> {
    return this.changes.change({ staff }, applicationId, version, async (ctx) => {
      if (!canBeClosed(ctx.app.status)) throw new IllegalTransitionError(ctx.app.status, 'closed');
      await this.changes.record(ctx, { kind: 'closed', toStatus: 'closed' });
      await this.changes.setColumns(ctx, { closed_at: ctx.now });
      ctx.app.closedAt = ctx.now;
      await this.deadlines.onConcluded(ctx);
      return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version };
    });
  }
}
