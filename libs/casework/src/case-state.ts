import type { ApplicationStatus } from '@petitio/applications';
import type { ChangeContext } from './application-changes';

/** What a staff action answers with: enough for the console to show the new state and act again without reloading. */
export interface CaseState {
  id: string;
  status: ApplicationStatus;
  version: number;
  assignedOfficerId: string | null;
}

export function caseState(ctx: ChangeContext): CaseState {
  return { id: ctx.app.id, status: ctx.app.status, version: ctx.app.version, assignedOfficerId: ctx.app.assignedOfficerId };
}
