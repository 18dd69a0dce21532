import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, IllegalTransitionError, InvalidInputError } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { ApplicationStatus, assertTransition } from '@petitio/applications';
import { ApplicationChanges, ChangeContext } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CaseState, caseState } from './case-state';

/** Statuses in which nobody works on the application yet: taking it moves it to `assigned`. */
const UNASSIGNED: readonly ApplicationStatus[] = ['routed', 'reopened'];
/** Statuses in which someone works on it: a reassignment changes the officer and keeps the status. */
const BEING_WORKED: readonly ApplicationStatus[] = ['assigned', 'in_progress', 'awaiting_citizen'];

/** An application may be handed to an officer (assign) while nobody or somebody works on it. */
export function canBeAssigned(status: ApplicationStatus): boolean {
  return UNASSIGNED.includes(status) || BEING_WORKED.includes(status);
}

/**
 * Who works on an application: an officer takes it (claim), a supervisor or a colleague hands it
 * to someone (assign), the assigned officer starts working (start). The officer always belongs to
 * the agency that holds the application, so a transfer never leaves it with a stranger.
 */
@Injectable()
export class CaseAssignment {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
  ) {}

  /** Assigns the application to the signed-in officer. Taking it twice is refused (409), not silently repeated. */
  claim(principal: StaffPrincipal, applicationId: string, version: number): Promise<CaseState> {
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      if (!UNASSIGNED.includes(ctx.app.status)) {
        if (ctx.app.assignedOfficerId === principal.userId) throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_you' });
        if (BEING_WORKED.includes(ctx.app.status)) {
          throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_colleague' });
        }
        throw new IllegalTransitionError(ctx.app.status, 'assigned');
      }
      if (principal.agencyId !== ctx.app.assignedAgencyId) {
        throw new ForbiddenError('FORBIDDEN:holding_agency_takes');
      }
      await this.assignTo(ctx, principal.userId, 'claim');
      return caseState(ctx);
    });
  }

  /**
   * Hands the application to an active officer or supervisor of its agency. Supervisors and center
   * admins may assign anyone there; an officer only a colleague of their own agency (their reach
   * is their agency, so that holds by construction).
   */
  assign(principal: StaffPrincipal, applicationId: string, version: number, officerId: string): Promise<CaseState> {
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      if (!canBeAssigned(ctx.app.status)) {
        throw new IllegalTransitionError(ctx.app.status, 'assigned');
      }
      if (!hasRole(principal, 'supervisor', 'center_admin') && principal.agencyId !== ctx.app.assignedAgencyId) {
        throw new ForbiddenError('FORBIDDEN:own_agency_colleagues');
      }
      const target: unknown[] = await ctx.manager.query(
        `SELECT 1 FROM staff_users WHERE id = $1 AND agency_id = $2 AND status = 'active' AND roles && ARRAY['officer', 'supervisor']::text[]`,
        [officerId, ctx.app.assignedAgencyId],
      );
      if (target.length === 0) {
        throw new InvalidInputError([{ field: 'officerId', code: 'not_assignable' }]);
      }
      if (ctx.app.assignedOfficerId === officerId && !UNASSIGNED.includes(ctx.app.status)) {
        throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_this_officer' });
      }
      await this.assignTo(ctx, officerId, 'assign');
      return caseState(ctx);
    });
  }

  /**
   * Takes the application and starts on it in one step (routed or reopened → assigned → in_progress; assigned
   * to the caller → in_progress): what an agency's case system does when it takes an application in. Its
   * integration account works its whole subtree, so it may take an application a sub-agency holds; a person
   * takes one of their own agency only, as with claim.
   */
  acknowledge(principal: StaffPrincipal, applicationId: string, version: number): Promise<CaseState> {
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      if (UNASSIGNED.includes(ctx.app.status)) {
        if (!principal.apiClientId && principal.agencyId !== ctx.app.assignedAgencyId) throw new ForbiddenError('FORBIDDEN:holding_agency_takes');
        await this.assignTo(ctx, principal.userId, 'acknowledge');
      } else if (ctx.app.assignedOfficerId !== principal.userId) {
        if (BEING_WORKED.includes(ctx.app.status)) throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_colleague' });
        throw new IllegalTransitionError(ctx.app.status, 'in_progress');
      }
      if (ctx.app.status === 'in_progress') throw new ConflictError('ALREADY_ASSIGNED', { sentence: 'ALREADY_ASSIGNED:to_you' });
      await this.changes.record(ctx, { kind: 'status_changed', toStatus: 'in_progress' });
      return caseState(ctx);
    });
  }

  /** The assigned officer starts working on the application (assigned, awaiting_citizen or reopened → in_progress). */
  start(principal: StaffPrincipal, applicationId: string, version: number): Promise<CaseState> {
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      assertTransition(ctx.app.status, 'in_progress');
      if (!ctx.app.assignedOfficerId) {
        throw new ConflictError('NOT_ASSIGNED');
      }
      await this.changes.record(ctx, { kind: 'status_changed', toStatus: 'in_progress' });
      return caseState(ctx);
    });
  }

  /**
   * The one way an officer is set on an application, shared with automatic assignment. Moves an
   * unassigned application to `assigned`; on one already being worked only the officer changes.
   */
  async assignTo(ctx: ChangeContext, officerId: string, via: 'claim' | 'assign' | 'acknowledge' | 'round_robin' | 'least_loaded'): Promise<void> {
    const fromOfficerId = ctx.app.assignedOfficerId;
    await this.changes.record(ctx, {
      kind: 'assigned',
      toStatus: UNASSIGNED.includes(ctx.app.status) ? 'assigned' : undefined,
      data: { fromOfficerId, toOfficerId: officerId, via },
    });
    await this.changes.setColumns(ctx, { assigned_officer_id: officerId });
    ctx.app.assignedOfficerId = officerId;
    await this.deadlines.onFirstResponse(ctx);
  }
}
